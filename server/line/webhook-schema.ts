import { z } from 'zod';

/**
 * Only the fields we use; LINE adds fields over time, so objects are loose.
 * See developers.line.biz/en/reference/messaging-api/#webhook-event-objects.
 */
export const LineSourceSchema = z.looseObject({
  type: z.string().optional(),
  userId: z.string().optional(),
  groupId: z.string().optional(),
  roomId: z.string().optional(),
});
export type LineSource = z.infer<typeof LineSourceSchema>;

export const LineEventSchema = z.looseObject({
  type: z.string(),
  webhookEventId: z.string().optional(),
  replyToken: z.string().optional(),
  timestamp: z.number().optional(),
  source: LineSourceSchema.optional(),
  message: z
    .looseObject({
      type: z.string(),
      id: z.string().optional(),
      text: z.string().optional(),
      mention: z
        .looseObject({
          mentionees: z.array(z.looseObject({ type: z.string().optional(), index: z.number().int().min(0), length: z.number().int().min(0), isSelf: z.boolean().optional() })),
        })
        .optional(),
    })
    .optional(),
  postback: z.looseObject({ data: z.string() }).optional(),
  deliveryContext: z.looseObject({ isRedelivery: z.boolean().optional() }).optional(),
});
export type LineEvent = z.infer<typeof LineEventSchema>;

export const LineWebhookBodySchema = z.looseObject({
  destination: z.string().optional(),
  events: z.array(LineEventSchema),
});
export type LineWebhookBody = z.infer<typeof LineWebhookBodySchema>;
