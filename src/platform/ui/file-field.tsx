import { FieldFrame, type FrameProps } from './forms.tsx';

/**
 * A file to upload, with the same label, hint, error and ARIA pattern as TextField. An upload's refusal
 * carries values (the size allowed), so it usually comes already worded, as the frame's `message`.
 */
export function FileField(props: FrameProps & { accept: string }) {
  return <FieldFrame {...props} control={({ names, aria }) => <input type="file" {...names} accept={props.accept} {...aria} />} />;
}
