import { Alert, Button, Card, Group, Input, SegmentedControl, Select, SimpleGrid, Stack, Switch, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconAlertCircle, IconLock } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { incidentStatuses, severities, type KeyTimestamp } from '../../../shared/incidents/incident.schema.js';
import { currentFieldErrors, type FieldErrors } from '../../ui/field-errors.js';
import { emptyIncidentForm, validateIncident, type IncidentFormValues } from './incident-form.js';
import { userTimeZone } from '../../ui/format.js';
import { KeyTimesFields } from './KeyTimesFields.js';
import { PeoplePicker } from '../../ui/people/PeoplePicker.js';
import { PersonPicker } from '../../ui/people/PersonPicker.js';
import { useServiceSuggestions } from './ServiceFilter.js';

interface Props {
  onSubmit: (values: IncidentFormValues) => void;
  errors: FieldErrors;
  formError: string | null;
  submitting: boolean;
  onCancel: () => void;
  /** Editing an incident: its values to start from. Who may see it is then managed on the incident page. */
  initial?: IncidentFormValues;
  submitLabel?: string;
  /** Shown above the buttons (an edit's "changed meanwhile" notice). */
  notice?: React.ReactNode;
  /** The review is published: the key timestamps are part of it and wait for a reopening. */
  timesLocked?: boolean;
}

const severityHelp: Record<string, string> = {
  sev1: 'Critical: broad outage or data loss',
  sev2: 'Major: a key feature is down for many users',
  sev3: 'Minor: degraded, with a workaround',
  sev4: 'Low: cosmetic or internal only',
};

/** Services, offering the known ones as you type so that one service keeps one name. */
function ServicesInput({ value, error, onChange }: { value: string[]; error?: string; onChange: (services: string[]) => void }) {
  const [search, setSearch] = useState('');
  const known = useServiceSuggestions(search).map((service) => service.name);
  return (
    <TagsInput
      label="Services"
      name="services"
      placeholder="checkout-api"
      data={known}
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      value={value}
      error={error}
      onChange={onChange}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

function Section({ title, hint, children }: { title: string; hint: string; children: React.ReactNode }) {
  return (
    <Card>
      <Stack gap="md">
        <div>
          <Title order={3}>{title}</Title>
          <Text fz="sm" c="dimmed">
            {hint}
          </Text>
        </div>
        {children}
      </Stack>
    </Card>
  );
}

export function IncidentForm({ onSubmit, errors: submittedErrors, formError, submitting, onCancel, initial, submitLabel = 'Create incident', notice, timesLocked = false }: Props) {
  const editing = initial !== undefined;
  const [values, setValues] = useState<IncidentFormValues>(initial ?? emptyIncidentForm);
  const set = <K extends keyof IncidentFormValues>(key: K, value: IncidentFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const setTime = (key: KeyTimestamp, value: string) => setValues((v) => ({ ...v, times: { ...v.times, [key]: value } }));
  const [submitted, setSubmitted] = useState<IncidentFormValues | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(values);
    onSubmit(values);
  };
  // Key timestamps' errors are named after the time, so they are compared field by field.
  const flat = (v: IncidentFormValues) => ({ ...v, ...v.times });
  const errors = currentFieldErrors(submittedErrors, submitted && flat(submitted), flat(values), validateIncident(values).errors);

  return (
    <form onSubmit={submit} noValidate aria-label={editing ? 'Edit incident' : 'New incident'}>
      <Stack gap="lg">
        {formError && (
          <Alert color="red" icon={<IconAlertCircle size={18} />} title="The incident was not saved" role="alert">
            {formError}
          </Alert>
        )}
        <Section title="What happened" hint="A short title people will recognise later, and how bad it was.">
          <TextInput label="Title" name="title" placeholder="Checkout requests failing with 503" withAsterisk value={values.title} error={errors.title} onChange={(e) => set('title', e.currentTarget.value)} data-autofocus autoFocus />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <Input.Wrapper label="Severity" id="severity" error={errors.severity} description={severityHelp[values.severity]} inputWrapperOrder={['label', 'input', 'description', 'error']}>
              <SegmentedControl fullWidth aria-labelledby="severity-label" data={severities.map((s) => ({ value: s, label: s.toUpperCase() }))} value={values.severity} onChange={(v) => set('severity', v as IncidentFormValues['severity'])} mb={4} />
            </Input.Wrapper>
            <Select label="Status" name="status" data={incidentStatuses.map((s) => ({ value: s, label: s[0]!.toUpperCase() + s.slice(1) }))} value={values.status} error={errors.status} onChange={(v) => v && set('status', v as IncidentFormValues['status'])} />
          </SimpleGrid>
          <Switch label="User-facing" description="Customers could see the impact (errors, slowness, missing data)" checked={values.userFacing} onChange={(e) => set('userFacing', e.currentTarget.checked)} />
          <Textarea label="Customer impact" name="customerImpact" placeholder="Who was affected, how, and for how long" className="hs-textarea-lg" value={values.customerImpact} error={errors.customerImpact} onChange={(e) => set('customerImpact', e.currentTarget.value)} />
        </Section>
        <Section title="Where and who" hint="Services and labels make the incident findable; press Enter after each one.">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <ServicesInput value={values.services} error={errors.services} onChange={(v) => set('services', v)} />
            <TagsInput label="Labels" name="labels" placeholder="review-requested" data={['review-requested']} value={values.labels} error={errors.labels} onChange={(v) => set('labels', v)} />
            <PersonPicker label="Incident commander" name="commander" value={values.commander} error={errors.commander} onChange={(v) => set('commander', v)} />
            <PeoplePicker label="Responders" name="responders" value={values.responders} error={errors.responders} onChange={(v) => set('responders', v)} />
          </SimpleGrid>
        </Section>
        <Section
          title="Key timestamps"
          hint={timesLocked ? 'The review is published, and these are entries of its timeline: reopen the review to change them.' : `In your time zone (${userTimeZone}). Leave blank what you do not know yet: the timeline can fill them in later.`}
        >
          <KeyTimesFields values={values.times} errors={errors} onChange={setTime} disabled={timesLocked} />
        </Section>
        {!editing && <Section title="Who can see it" hint="Most incidents are open to everyone: learning travels. Restrict the few that are security or HR sensitive.">
          <Switch
            label={
              <Group gap={6} component="span">
                <IconLock size={14} /> Restricted
              </Group>
            }
            name="restricted"
            description="Only you, the people you add on the incident page, and admins can see it, its review and its action items"
            checked={values.restricted}
            onChange={(e) => set('restricted', e.currentTarget.checked)}
            color="dark"
          />
        </Section>}
        {notice}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={submitting}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
