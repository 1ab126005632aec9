import { PageHeader } from '../components/PageHeader';

export function PreferencesPage() {
  return <PageHeader title="PreferencesPage" />;
}
