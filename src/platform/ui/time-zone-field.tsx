import type { Assets } from '../http/assets.ts';
import { allTimeZones, COMMON_TIME_ZONES, offsetLabel } from '../lib/time-zone-choices.ts';
import { isTimeZone } from '../lib/time-zones.ts';
import { FieldFrame, type FrameProps } from './forms.tsx';

/** For the page's <head> when a TimeZoneSelect guesses: the small script that does (a file, for the CSP). */
export function TimeZoneScript({ assets }: { assets: Assets }) {
  return <script src={assets.url('js/time-zone.js')} defer />;
}

/**
 * A time zone from a list: the network's common zones first, then all of them, each with its offset
 * today. A value the list lacks (an alias an import stored) is offered too, so saving keeps it. With
 * `guess` (marked `data-guess-zone`), TimeZoneScript in the page's head picks the browser's
 * zone instead of the default; without JavaScript the default stays, so only a new, untouched form
 * asks for it, never one showing a stored or typed value.
 */
export function TimeZoneSelect(props: FrameProps & { value: string; guess?: boolean }) {
  const { i18n } = props;
  const now = new Date();
  const common = new Set(COMMON_TIME_ZONES);
  const others = allTimeZones().filter((z) => !common.has(z));
  // A zone the list lacks but the runtime knows (an alias such as Asia/Calcutta) is kept as the first
  // choice; anything else (a forged value) is not offered, and the form's error says why.
  const extra = props.value && !common.has(props.value) && !others.includes(props.value) && isTimeZone(props.value);
  const option = (zone: string) => (
    <option value={zone} selected={zone === props.value}>
      {`${zone.replaceAll('_', ' ')} (${offsetLabel(zone, now)})`}
    </option>
  );
  return (
    <FieldFrame
      {...props}
      control={({ names, aria }) => (
        <select {...names} required dir="ltr" {...aria} data-guess-zone={props.guess ? '' : undefined}>
          {extra ? option(props.value) : null}
          <optgroup label={i18n.t('forms.timeZones.common')}>{COMMON_TIME_ZONES.map(option)}</optgroup>
          <optgroup label={i18n.t('forms.timeZones.all')}>{others.map(option)}</optgroup>
        </select>
      )}
    />
  );
}
