import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * JSON logs on stdout. Redaction is the last line of defence: code must not log e-mail addresses,
 * passwords, tokens or cookies in the first place (DESIGN.md §6).
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: [
        '*.password',
        '*.email',
        '*.token',
        'req.headers.cookie',
        'req.headers.authorization',
        '*.SESSION_SECRET',
        '*.DATABASE_URL',
        '*.SMTP_URL',
      ],
      censor: '[redacted]',
    },
  });
}
