/** Who is posting a draft, as the contract names them: the rules that apply depend on it. */
export const CHANNELS = ['official', 'staff-personal', 'parent', 'pupil'] as const;
export type Channel = (typeof CHANNELS)[number];
