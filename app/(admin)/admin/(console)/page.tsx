import { redirect } from 'next/navigation';
import { requireAdmin } from '@/lib/admin/gate';

/** /admin: the businesses for now (the overview comes with part 2 of the console). */
export default async function AdminHome() {
  await requireAdmin();
  redirect('/admin/businesses');
}
