import { prepareUpload, recordUpload, uploadsDir } from '../../../core/uploads/uploads.service.ts';
import type { Config } from '../../../platform/config.ts';
import type { Database } from '../../../platform/db/client.ts';
import type { CurrentUser } from '../../../platform/http/context.ts';
import { MAX_DOCUMENTS, MAX_IMAGES, type PracticeContent } from '../record/practice-content.model.ts';
import { getWorkspace, saveRevisionIn } from '../workflow/practice-workflow.service.ts';

// Documents and pictures of a practice. Like every change, they go into the open revision: a new PDF
// appears on the public page only once the editors approve the version that carries it.

/** A refused file, to show next to its form: the message key and values, and the typed title/alt. */
export type FileError = { kind: 'document' | 'image'; error: string; values: Record<string, string | number>; text: string };

type FileContext = { db: Database; user: CurrentUser };

const ALT_MAX = 500;
const TITLE_MAX = 200;

export async function addPracticeFile(
  ctx: FileContext,
  practiceId: number,
  input: { kind: 'document' | 'image'; file: unknown; text: string },
  config: Pick<Config, 'DATA_DIR'>,
): Promise<'added' | 'not-found' | 'locked' | FileError> {
  const text = input.text.trim();
  const refuse = (error: string, values: Record<string, string | number> = {}): FileError => ({ kind: input.kind, error, values, text });
  // Cheap checks first: no image work for someone who may not change this practice.
  const workspace = await getWorkspace(ctx.db, ctx.user, practiceId);
  if (!workspace) return 'not-found';
  if (!workspace.editable) return 'locked';
  if (input.kind === 'image' && !text) return refuse('practiceWorkflow.files.altRequired');
  if (text.length > (input.kind === 'image' ? ALT_MAX : TITLE_MAX)) return refuse('practiceWorkflow.files.textTooLong');
  const max = input.kind === 'image' ? MAX_IMAGES : MAX_DOCUMENTS;
  const count = (c: PracticeContent) => (input.kind === 'image' ? c.images.length : c.documents.length);
  if (count(workspace.content) >= max) return refuse('practiceWorkflow.files.limitReached', { count: max });

  // Checking and resizing happen before the transaction: on the embedded database a transaction holds
  // the only connection, and image work would make every other request wait.
  const prepared = await prepareUpload(uploadsDir(config), { file: input.file, kind: input.kind });
  if (!prepared.ok) return refuse(prepared.error, prepared.values ?? {});
  return ctx.db.transaction().execute(async (trx) => {
    const u = await recordUpload(trx, prepared.file, ctx.user.id);
    let full = false;
    const outcome = await saveRevisionIn(trx, ctx.user, practiceId, (content) => {
      // Checked again under the practice's lock: two uploads at once must not pass the limit together.
      full = count(content) >= max;
      if (full) return content;
      return input.kind === 'image'
        ? {
            ...content,
            images: [...content.images, { uploadId: u.id, sha256: u.sha256, alt: text, width: u.width ?? 0, height: u.height ?? 0 }],
          }
        : {
            ...content,
            documents: [
              ...content.documents,
              { uploadId: u.id, sha256: u.sha256, title: text || u.originalName.replace(/\.pdf$/i, ''), bytes: u.bytes },
            ],
          };
    });
    if (full) return refuse('practiceWorkflow.files.limitReached', { count: max });
    return outcome === 'saved' ? 'added' : outcome;
  });
}

export function removePracticeFile(ctx: FileContext, practiceId: number, kind: 'document' | 'image', uploadId: number) {
  return ctx.db
    .transaction()
    .execute((trx) =>
      saveRevisionIn(trx, ctx.user, practiceId, (content) =>
        kind === 'image'
          ? { ...content, images: content.images.filter((i) => i.uploadId !== uploadId) }
          : { ...content, documents: content.documents.filter((d) => d.uploadId !== uploadId) },
      ),
    );
}
