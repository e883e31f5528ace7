import { modules } from './modules.ts';
import { buildOpenApiDocument } from './platform/http/openapi.ts';

// The public API's contract (OpenAPI 3.1), served at /api/v1/openapi.json: every module's part (its
// `openApi` in index.ts), each generated from the zod schemas that validate the module's requests and
// type its responses (platform/http/openapi.ts), so the document cannot drift from the code.

export const openApiDocument = buildOpenApiDocument(
  modules.flatMap((m) => (m.openApi ? [m.openApi] : [])),
  {
    title: 'Peerpolis API',
    version: '1.0.0',
    description:
      'Read access to the published content of a Peerpolis city network, open to any origin. Good practices are public; the expert directory and matching answer according to the caller (see each path). A malformed, out-of-range or unknown parameter answers 400 with problem details (RFC 9457) naming it.',
  },
);
