import { FollowUpView as SharedFollowUpView, ThreadEntry as SharedThreadEntry } from '@mnpddh/shared';
import { z } from 'zod';

/*
 * The follow-up view as this page reads it. Thread entries also come as
 * 'file' (a file or photo sent; `body` is its name) and 'voice' (a voice
 * message sent): the shared schema gains these kinds with the upload routes.
 * Reading them here too keeps the page working before and after that change.
 */
const EntryKind = z.union([SharedThreadEntry.shape.kind, z.enum(['file', 'voice'])]);

export const ThreadEntry = SharedThreadEntry.extend({ kind: EntryKind });
export type ThreadEntry = z.infer<typeof ThreadEntry>;

export const FollowUpView = SharedFollowUpView.extend({ thread: z.array(ThreadEntry) });
export type FollowUpView = z.infer<typeof FollowUpView>;
