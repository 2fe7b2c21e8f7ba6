import { useQueryClient } from '@tanstack/react-query';
import type { PersonRef } from '../../../shared/accounts/person.schema.js';
import type { ActionItem, ActionItemStatus } from '../../../shared/actions/action-item.schema.js';
import { actionsApi } from '../../api/actions.js';
import { queryKeys } from '../../api/query-keys.js';
import { useAskConflict } from '../../ui/conflict/ConflictProvider.js';
import { saveVersioned } from '../../ui/conflict/save-versioned.js';
import { toPersonInputOrNull } from '../../ui/people/people-options.js';
import { actionFieldLabels } from './action-meta.js';
import type { ActionItemValues } from './ActionItemForm.js';

const fields = ['title', 'description', 'owner', 'dueDate', 'priority', 'class', 'kind', 'factorIds', 'secondOrderEffects', 'status', 'declineReason', 'externalUrl'] as const;

/** The request body for some fields: the owner goes as an account id or a plain name. */
const toBody = (values: Partial<ActionItemValues>) => ({ ...values, ...('owner' in values ? { owner: toPersonInputOrNull(values.owner ?? null) } : {}) });
const formatOwner = (value: unknown) => (value as PersonRef | null)?.name ?? '(nobody)';

/** Create, edit (with conflict handling), change status and delete; every list of items is refreshed. */
export function useActionItemMutations(reviewId: number) {
  const queryClient = useQueryClient();
  const ask = useAskConflict();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.reviewPart(reviewId, 'action-items') });
    void queryClient.invalidateQueries({ queryKey: queryKeys.actionItems });
  };
  /** `item` is the item as the user saw it when they started; `latest` the newest copy known. */
  const update = async (item: ActionItem, changes: Partial<ActionItemValues>, latest: ActionItem = item) => {
    const keys = fields.filter((f) => f in changes && JSON.stringify(changes[f]) !== JSON.stringify(item[f]));
    if (keys.length === 0) return latest;
    const result = await saveVersioned<ActionItem>({
      title: `The action item “${item.title}”`,
      version: latest.version,
      current: latest,
      changes: keys.map((key) => ({ key, label: actionFieldLabels[key] ?? key, base: item[key], mine: changes[key], read: (c) => c[key], ...(key === 'owner' ? { format: formatOwner } : {}) })),
      ask,
      send: (version) => actionsApi.update(item.id, { ...toBody(Object.fromEntries(keys.map((k) => [k, changes[k]]))), version }),
    });
    if (result.outcome === 'cancelled') throw new Error('Not saved: your edit is still here.');
    refresh();
    return result.value;
  };
  return {
    create: async (values: ActionItemValues) => {
      const created = await actionsApi.create(reviewId, { ...values, owner: toPersonInputOrNull(values.owner) });
      refresh();
      return created;
    },
    update,
    setStatus: (item: ActionItem, status: ActionItemStatus) => update(item, { status }),
    remove: async (item: ActionItem) => {
      await actionsApi.remove(item.id, item.version);
      refresh();
    },
  };
}
