import { DisciplineLevel } from '@dangbo/shared-types';
import { choicesOf } from '../../common/choices';
import { decisionRecordScreens } from '../commendations/DecisionRecordScreens';

/** Party discipline of members and collectives: the level (khiển trách to khai trừ) and the violation. */
const screens = decisionRecordScreens({
  kindSource: 'level',
  kindChoices: choicesOf('DisciplineLevel', DisciplineLevel),
  kindDefault: DisciplineLevel.KHIEN_TRACH,
  textSource: 'violation',
  textRequired: true,
});

export const DisciplineList = screens.List;
export const DisciplineShow = screens.Show;
export const DisciplineCreate = screens.Create;
export const DisciplineEdit = screens.Edit;
