/** What an error page must never show: the database's words, SQL, stack frames, file paths. */
export const internalDetail = [
  /portfolios/i,
  /relation/i,
  /select "/i,
  /from "\w+"/i,
  /\bat \S+ \(/,
  /\bat file:/,
  /\.tsx?\b/,
  /\.js:\d+/,
  /node_modules/,
  /\/tmp\//,
  /stack/i,
];
