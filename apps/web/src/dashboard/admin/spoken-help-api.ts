import { SpokenPromptList, SpokenPromptStatus, type SpokenPromptKey } from '@mnpddh/shared';
import type { StaffApi } from '../api';

/* The admin's spoken-prompt calls, kept beside their screen (the recording travels as bytes, never as JSON). */

const onPrompt = ({ step, language }: SpokenPromptKey) => `/api/admin/spoken-prompts/${step}/${language}`;

export const spokenHelpApi = {
  list: async (api: StaffApi) => (await api.request('GET', '/api/admin/spoken-prompts', { schema: SpokenPromptList })).value.prompts,
  upload: async (api: StaffApi, key: SpokenPromptKey, file: Blob) =>
    (await api.request('PUT', onPrompt(key), { bytes: file, schema: SpokenPromptStatus })).value,
  remove: async (api: StaffApi, key: SpokenPromptKey): Promise<void> => {
    await api.request('DELETE', onPrompt(key), {});
  },
};
