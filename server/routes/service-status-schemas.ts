import { z } from '@hono/zod-openapi';
import { CHANNELS, NOTICE_CHANNELS } from '../db/schema';
import { CHANNEL_STATES } from '../services/channel-health';
import { NOTICE_MAX_DAYS, NOTICE_TEXT_MAX } from '../../shared/service-notices';
import { AuditEntry } from './support-schemas';

// Schemas of the public service status, the providers' delivery receipts and support's notices.

const date = z.string().openapi({ description: 'ISO date-time.', example: '2030-01-15T14:00:00.000Z' });
const waitSeconds = z.number().int().nullable().openapi({
  description:
    'While delayed: how long a message may take now, in whole minutes (as seconds); null when unknown.',
  example: 300,
});

const ChannelStatus = z.object({
  state: z.enum(CHANNEL_STATES).openapi({
    description:
      '`ok`; `delayed`: messages arrive late, or some not at all; `down`: most do not get through now.',
  }),
  waitSeconds,
});

const NoticeText = z.object({ en: z.string(), fr: z.string() });

export const ServiceStatusResponse = z
  .object({
    checkedAt: date,
    channels: z.object(
      Object.fromEntries(CHANNELS.map((channel) => [channel, ChannelStatus])) as {
        [K in (typeof CHANNELS)[number]]: typeof ChannelStatus;
      },
    ),
    notices: z
      .array(
        z.object({
          source: z.enum(['automatic', 'support']),
          channel: z.enum(NOTICE_CHANNELS),
          state: z
            .enum(['delayed', 'down'])
            .nullable()
            .openapi({ description: 'The channel’s state (automatic notices).' }),
          waitSeconds,
          text: NoticeText.nullable().openapi({
            description: 'Support’s words in both languages (support notices).',
          }),
          until: date.nullable().openapi({ description: 'When a support notice ends by itself.' }),
        }),
      )
      .openapi({
        description:
          'What to tell workers now: support’s notice first (it replaces the automatic notice of the channels it is about), then one automatic notice per channel in trouble.',
      }),
  })
  .openapi('ServiceStatus');

export const TwilioReceiptForm = z
  .looseObject({
    MessageSid: z.string().max(64),
    MessageStatus: z.string().max(32),
    ErrorCode: z.string().max(16).optional(),
  })
  .openapi('TwilioStatusCallback', {
    description: 'Twilio’s status callback (form-encoded; every parameter it sends is signed).',
  });

export const WebhookReceiptBody = z
  .object({
    id: z.string().max(64).openapi({ description: 'The `id` of the message we posted to the adapter.' }),
    status: z.enum(['delivered', 'undelivered', 'failed']),
    reason: z.string().max(200).nullable().optional().openapi({
      description:
        'Why, when not delivered: ideally `unreachable`, `unknown-number`, `landline`, `carrier-filtered`, `blocked` or `opted-out`; other words are kept (80 characters).',
    }),
    timestamp: z.number().int().openapi({
      description:
        'When the adapter signed it, in seconds since 1970 (a receipt signed long ago is refused).',
      example: 1_894_975_200,
    }),
  })
  .openapi('WebhookReceipt');

export const ReceiptAccepted = z
  .object({ status: z.literal('accepted') })
  .openapi('ReceiptAccepted', { description: 'The same answer whatever the receipt changed.' });

const NoticeTextField = z.string().trim().min(1).max(NOTICE_TEXT_MAX);

export const NoticeBody = z
  .object({
    channel: z.enum(NOTICE_CHANNELS),
    en: NoticeTextField.openapi({ description: 'The notice in English (plain text).' }),
    fr: NoticeTextField.openapi({ description: 'The notice in French (plain text).' }),
    until: z.iso.datetime({ offset: true }).openapi({
      description: `When it ends by itself: in the future, within ${NOTICE_MAX_DAYS} days.`,
      example: '2030-01-15T16:00:00.000Z',
    }),
  })
  .openapi('ServiceNoticeRequest');

const SupportNotice = z.object({
  id: z.string(),
  channel: z.enum(NOTICE_CHANNELS),
  text: NoticeText,
  until: date,
  createdAt: date,
  createdBy: z.string().openapi({ description: 'The agent’s name.' }),
  state: z.enum(['active', 'ended', 'expired']),
  endedAt: date.nullable(),
  endedBy: z.string().nullable(),
});

export const NoticeBoardResponse = z
  .object({
    active: SupportNotice.nullable(),
    recent: z.array(SupportNotice).openapi({ description: 'The latest notices, newest first.' }),
    auditLog: z.array(AuditEntry).openapi({ description: 'Notices published and ended, newest first.' }),
  })
  .openapi('ServiceNoticeBoard');

export const NoticeIdParam = z.object({
  noticeId: z
    .uuid()
    .openapi({ param: { name: 'noticeId', in: 'path' }, example: '6f1c2b1e-3c4d-4e5f-8a9b-0c1d2e3f4a5b' }),
});
