import { Checkbox, NumberInput, Select, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { touchPointTiers, touchPoints, type TouchPlan, type TouchPoint } from '../../../src-main/domain/schedule/rules';
import { SectionCard } from './SettingsSection';
import { useSettingsSection, type SettingsSection } from './use-settings-section';

type Tier = (typeof touchPointTiers)[number];
/** A row being edited: days may be empty while typed (the check then says so). */
type EditedPlan = { point: TouchPoint; from: TouchPlan['from']; days: number | null };

const DEFAULT_ROW: Record<TouchPoint, EditedPlan> = {
  shipping: { point: 'shipping', from: 'shipped', days: 0 },
  checkin: { point: 'checkin', from: 'delivered', days: 7 },
  reorder: { point: 'reorder', from: 'delivered', days: 30 },
};

const planOf = (section: SettingsSection, tier: Tier): EditedPlan[] => {
  const value = section.value(`touchPoints.${tier}`);
  return Array.isArray(value) ? (value as EditedPlan[]) : [];
};

/** R6: which after-sale touch points each RFM tier gets, and when (days after the order shipped or was delivered). */
export function TouchPointsSection() {
  const { t } = useTranslation();
  const section = useSettingsSection();
  const fromOptions = [
    { value: 'shipped', label: t('settings.touch.fromShipped') },
    { value: 'delivered', label: t('settings.touch.fromDelivered') },
  ];
  return (
    <SectionCard id="touchPoints" title={t('settings.sections.touchPoints')} section={section}>
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label={t('settings.sections.touchPoints')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.touch.tier')}</Table.Th>
              {touchPoints.map((point) => (
                <Table.Th key={point}>{t(`settings.touch.points.${point}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {touchPointTiers.map((tier) => {
              const plan = planOf(section, tier);
              const key = `touchPoints.${tier}`;
              const tierName = t(`scores.tiers.${tier}`);
              const change = (point: TouchPoint, next: EditedPlan | null) => {
                const others = plan.filter((row) => row.point !== point);
                const rows = next === null ? others : [...others, next];
                section.setValue(key, touchPoints.flatMap((p) => rows.filter((row) => row.point === p)));
              };
              const problem = section.problemOf(key);
              return (
                <Table.Tr key={tier} data-testid={`setting-${key}`}>
                  <Table.Td>
                    <Text fw={500}>{tierName}</Text>
                    {problem && (
                      <Text size="xs" c="red.8" data-testid={`setting-error-${key}`}>
                        {problem}
                      </Text>
                    )}
                  </Table.Td>
                  {touchPoints.map((point) => {
                    const row = plan.find((r) => r.point === point);
                    const pointName = t(`settings.touch.points.${point}`);
                    return (
                      <Table.Td key={point}>
                        <Checkbox
                          label={t('settings.touch.enabled')}
                          aria-label={t('settings.touch.enable', { point: pointName, tier: tierName })}
                          checked={row !== undefined}
                          onChange={(event) => change(point, event.currentTarget.checked ? DEFAULT_ROW[point] : null)}
                          mb={4}
                          data-testid={`touch-${tier}-${point}-on`}
                        />
                        {row && (
                          <>
                            <Select
                              size="xs"
                              aria-label={t('settings.touch.fromLabel', { point: pointName, tier: tierName })}
                              data={fromOptions}
                              value={row.from}
                              allowDeselect={false}
                              onChange={(from) => from && change(point, { ...row, from: from as TouchPlan['from'] })}
                              mb={4}
                            />
                            <NumberInput
                              size="xs"
                              aria-label={t('settings.touch.daysLabel', { point: pointName, tier: tierName })}
                              value={row.days ?? ''}
                              min={0}
                              max={365}
                              allowDecimal={false}
                              onChange={(days) => change(point, { ...row, days: typeof days === 'number' ? days : null })}
                              data-testid={`touch-${tier}-${point}-days`}
                            />
                          </>
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </SectionCard>
  );
}
