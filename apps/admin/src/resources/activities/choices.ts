/** Choices of the activity screens (the API's enums; labels are `enums.<Enum>.<VALUE>`). */
import { choicesOf } from '../../common/choices';

export const ActivityKind = { CONFERENCE: 'CONFERENCE', CELL_MEETING: 'CELL_MEETING', SEMINAR: 'SEMINAR', PROPAGANDA: 'PROPAGANDA' } as const;
export const ConferenceKind = { TRIEN_KHAI: 'TRIEN_KHAI', SO_KET: 'SO_KET', TONG_KET: 'TONG_KET' } as const;
export const PropagandaMedium = { RADIO: 'RADIO', TV_REPORT: 'TV_REPORT', WEB_COLUMN: 'WEB_COLUMN' } as const;
export const ActivityAudience = { PARTY_MEMBERS: 'PARTY_MEMBERS', MASS_ORGS: 'MASS_ORGS', PEOPLE: 'PEOPLE' } as const;

export const activityKindChoices = choicesOf('ActivityKind', ActivityKind);
export const conferenceKindChoices = choicesOf('ConferenceKind', ConferenceKind);
export const mediumChoices = choicesOf('PropagandaMedium', PropagandaMedium);
export const audienceChoices = choicesOf('ActivityAudience', ActivityAudience);

/** A document as a clerk names it: its number, then what it is about. */
export const documentOptionText = (d?: { number?: string; title?: string } | null) => (d ? `${d.number ?? ''} — ${d.title ?? ''}` : '');
