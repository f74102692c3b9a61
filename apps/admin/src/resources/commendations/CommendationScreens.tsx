import { CommendationForm } from '@dangbo/shared-types';
import { choicesOf } from '../../common/choices';
import { decisionRecordScreens } from './DecisionRecordScreens';

/** Commendations of members and collectives: the form (giấy khen, bằng khen, …) and what was achieved. */
const screens = decisionRecordScreens({
  kindSource: 'form',
  kindChoices: choicesOf('CommendationForm', CommendationForm),
  kindDefault: CommendationForm.GIAY_KHEN,
  textSource: 'achievement',
  textRequired: false,
});

export const CommendationList = screens.List;
export const CommendationShow = screens.Show;
export const CommendationCreate = screens.Create;
export const CommendationEdit = screens.Edit;
