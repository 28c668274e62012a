/** A contact detail found in text, before the rules decide what to make of it. */
export interface ContactDetail {
  start: number;
  end: number;
  kind:
    | 'phone'
    | 'email'
    | 'school-email'
    | 'address'
    | 'postcode'
    | 'handle'
    | 'profile'
    | 'invite'
    | 'date-of-birth'
    | 'upn'
    | 'nhs-number'
    | 'ni-number';
  /** What it is, in words for a message: "mobile number", "email address". */
  detail: string;
}

/** The organisation's own details, from the config's `official`: never reported as personal. */
export interface OfficialDetails {
  domains: string[];
  phones: string[];
  addresses: string[];
  handles: string[];
}
