import type { FormAction } from '@/lib/core/action-state';
import { getT } from '@/lib/i18n/server';
import { DeleteBusinessForm } from './DeleteBusinessForm';
import { ExportForm } from './ExportForm';

/**
 * A business's data, at its owner's request (UU PDP): export it as a zip, or delete the business and
 * everything of it for good. Both ask for a reason, written to the platform audit log.
 */
export async function BusinessDataPanel({ business, deleteAction }: { business: { id: string; name: string }; deleteAction: FormAction<{ tenantId: string }> }) {
  const { t } = await getT('admin');
  return (
    <>
      <section id="export" aria-labelledby="export-heading" className="scroll-mt-4 rounded-xl bg-white p-5 shadow-sm">
        <h2 id="export-heading" className="text-lg font-semibold">
          {t('export.heading')}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t('export.intro')}</p>
        <ExportForm tenantId={business.id} />
      </section>
      <section id="delete" aria-labelledby="delete-heading" className="scroll-mt-4 rounded-xl border-2 border-red-700 bg-white p-5 shadow-sm">
        <h2 id="delete-heading" className="text-lg font-semibold text-red-800">
          {t('erasure.heading')}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t('erasure.intro')}</p>
        <DeleteBusinessForm tenantId={business.id} name={business.name} action={deleteAction} />
      </section>
    </>
  );
}
