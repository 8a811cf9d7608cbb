import { useCallback } from 'react';
import { useAppServices, useSettings } from '../../app/app-services';
import { ScreenHeader } from '../../app/ui/ScreenHeader';
import type { Settings } from '../../state/settings/settings-definition';
import { AppInfoSection } from './AppInfoSection';
import { BackupsSection } from './BackupsSection';
import { CheckCollectionSection } from './CheckCollectionSection';
import { LadderThresholdsSection } from './LadderThresholdsSection';
import { PersonalSchedulingSection } from './personal/PersonalSchedulingSection';
import { SaveStatus } from './SaveStatus';
import { SchedulingSettings } from './SchedulingSettings';
import { StorageSection } from './StorageSection';
import { StudySettings } from './StudySettings';
import { ThemeSetting } from './ThemeSetting';
import './settings.css';

export function SettingsScreen() {
  const { settingsStore } = useAppServices();
  const values = useSettings((state) => state.values);
  const save = useCallback(
    <K extends keyof Settings>(key: K, value: Settings[K]) => {
      void settingsStore.getState().set(key, value);
    },
    [settingsStore],
  );

  return (
    <>
      <ScreenHeader title="Settings" lead={<SaveStatus />} />
      <section className="panel" aria-labelledby="appearance-heading">
        <h2 id="appearance-heading">Appearance</h2>
        <ThemeSetting value={values.theme} onSave={(theme) => save('theme', theme)} />
      </section>
      <section className="panel" aria-labelledby="study-heading">
        <h2 id="study-heading">Study</h2>
        <StudySettings values={values} onSave={save} />
      </section>
      <section className="panel" aria-labelledby="scheduling-heading">
        <h2 id="scheduling-heading">Scheduling</h2>
        <SchedulingSettings values={values} onSave={save} />
      </section>
      <PersonalSchedulingSection />
      <LadderThresholdsSection />
      <CheckCollectionSection />
      <StorageSection />
      <BackupsSection />
      <AppInfoSection />
    </>
  );
}
