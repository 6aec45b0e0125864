import { useTranslation } from 'react-i18next';
import { ListHeaderRow } from '../../components/ListHeaderRow';
import { accountColumns, accountGridColumns } from './account-columns';

export function AccountListHeader() {
  const { t } = useTranslation();
  return <ListHeaderRow gridColumns={accountGridColumns} labels={accountColumns.map((column) => t(`accounts.columns.${column}`))} />;
}
