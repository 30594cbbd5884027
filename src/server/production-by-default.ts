/**
 * Imported by the server's entry points before anything that loads React: React picks its
 * development or production build from NODE_ENV when first imported, and the development one
 * renders pages several times slower. `NODE_ENV=development` still chooses it.
 */
if (!process.env.NODE_ENV) process.env.NODE_ENV = "production";
