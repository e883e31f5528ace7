/** ISO 639-1: the two-letter language codes (a fixed list, so validation does not depend on ICU data). */
export const ISO_639_1 = new Set(
  (
    'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es ' +
    'et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki ' +
    'kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no ' +
    'nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te ' +
    'tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'
  ).split(' '),
);

/**
 * The languages a form offers as choices (working languages of an event, for instance): the languages
 * of the network's cities and the most widely used working languages. Any ISO 639-1 code stays valid
 * (an import may bring another); a form lists such a code too when a record already has it.
 */
export const WORKING_LANGUAGES: readonly string[] = [
  ...['am', 'ar', 'az', 'bg', 'bn', 'bs', 'cs', 'da', 'de', 'el', 'en', 'es', 'fa', 'fi', 'fr', 'ha', 'he', 'hi', 'hr', 'hu'],
  ...['hy', 'id', 'it', 'ja', 'ka', 'kk', 'ko', 'ku', 'mk', 'ms', 'nl', 'no', 'pl', 'ps', 'pt', 'ro', 'ru', 'sk', 'sl', 'so'],
  ...['sq', 'sr', 'sv', 'sw', 'th', 'tl', 'tr', 'uk', 'ur', 'uz', 'vi', 'wo', 'yo', 'zh'],
];
