import { Hono } from 'hono';
import { z } from 'zod';
import { uploadBodyLimit } from '../../../core/uploads/uploads.routes.ts';
import type { AppEnv } from '../../../platform/http/context.ts';
import {
  backToWorkspace,
  firstString,
  formBody,
  idParam,
  loadWorkspace,
  type Mode,
  showWorkspace,
  workflowContext,
} from '../workflow/workspace.routes.ts';
import { addPracticeFile, removePracticeFile } from './practice-files.service.ts';

const removeForm = z.object({ uploadId: z.coerce.number().int().min(1), kind: z.enum(['document', 'image']) });

/** Adding and removing a practice's documents and pictures, in the author's or the editor's workspace. */
export function practiceFilesRoutes(mode: Mode) {
  return new Hono<AppEnv>()
    .post(
      '/:id{[0-9]+}/files/:kind{document|image}',
      uploadBodyLimit({
        onTooLarge: async (c, error) => {
          const found = await loadWorkspace(c);
          if (!found) return c.notFound();
          const kind = c.req.param('kind') === 'image' ? 'image' : 'document';
          return showWorkspace(c, mode, found.id, found.workspace, { kind, error: error.error, values: error.values ?? {}, text: '' }, 422);
        },
      }),
      async (c) => {
        const found = await loadWorkspace(c);
        if (!found) return c.notFound();
        const kind = c.req.param('kind') === 'image' ? 'image' : 'document';
        const form = await formBody(c);
        const text = firstString(kind === 'image' ? form.alt : form.title);
        const outcome = await addPracticeFile(workflowContext(c), found.id, { kind, file: form.file, text }, c.var.deps.config);
        if (outcome === 'not-found') return c.notFound();
        if (outcome === 'locked') return backToWorkspace(c, mode, found.id, 'locked');
        if (outcome !== 'added') return showWorkspace(c, mode, found.id, found.workspace, outcome, 422);
        return backToWorkspace(c, mode, found.id, 'fileAdded');
      },
    )
    .post('/:id{[0-9]+}/files/remove', async (c) => {
      const id = idParam.safeParse(c.req.param('id'));
      const form = removeForm.safeParse(await formBody(c));
      if (!id.success || !form.success) return c.notFound();
      const outcome = await removePracticeFile(workflowContext(c), id.data, form.data.kind, form.data.uploadId);
      if (outcome === 'not-found') return c.notFound();
      return backToWorkspace(c, mode, id.data, outcome === 'locked' ? 'locked' : 'fileRemoved');
    });
}
