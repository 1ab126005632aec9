import { getRouteApi } from '@tanstack/react-router';
import { PageHeader } from '../../../components/PageHeader';

const allRoute = getRouteApi('/app/admin/users');

function UsersPage({ scope }: { scope: 'all' | 'team' }) {
  const search = allRoute.useSearch();
  return <PageHeader title={`UsersPage ${scope} ${search.q ?? ''}`} />;
}

export function AllUsersPage() {
  return <UsersPage scope="all" />;
}

export function TeamPage() {
  return <UsersPage scope="team" />;
}
