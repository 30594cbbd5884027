import type { Route } from "./+types/credential-certificate";
import { downloadCertificate } from "../../src/commands/download-certificate.ts";
import { certificatePdf } from "../../src/credentials/certificate-pdf.ts";
import { isLocale } from "../../src/i18n/translate.ts";
import { applicationPolicy } from "../../src/policies/application.ts";
import { authorize, notFound, run } from "../lib/route-context.server.ts";

/** The holder's certificate as a PDF, in `?lang=en|es` or their own language; anyone else's is not found. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  authorize(context, applicationPolicy.applyAsMember);
  const lang = new URL(request.url).searchParams.get("lang");
  const result = await run(context, downloadCertificate, { credentialId: params.id, ...(isLocale(lang) ? { locale: lang } : {}) });
  if (!result.ok) notFound();
  const { certificate, createdAt } = result.value;
  const bytes = await certificatePdf(certificate, createdAt);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(bytes.length),
      "Content-Disposition": `attachment; filename="${certificate.number}-certificate-${certificate.locale}.pdf"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
