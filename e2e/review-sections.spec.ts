import { ReviewEditor } from './pages/review-editor.js';
import { expect, screenshot, test } from './fixtures/test.js';
import { seedDfdsReview } from './fixtures/scenario.js';

test('every section of a review can be filled in, and the read view tells the story top to bottom', async ({ page, api }) => {
  test.setTimeout(120_000);
  const { review } = await seedDfdsReview(api);
  const editor = new ReviewEditor(page);
  await editor.goto(review.id);
  await expect(page.getByTestId('completeness')).toContainText('1 of 5 sections');

  await editor.writeText('summary', 'On 22 June 2021 at 08:21 UTC the pipeline replaced the VPC CNI while refactoring EKS add-ons into Terraform. Target groups were detached from the ALB and all inbound traffic to the cluster failed for 25 minutes until the pipeline reattached them.');
  await editor.expectSaved('summary');
  await editor.writeText('impact', 'Every service behind the cluster ingress returned 503 for 25 minutes. A customer reported the issue three minutes after our alerts fired.');
  await editor.expectSaved('impact');

  // Timeline: one more event typed the fast way.
  await page.getByLabel('Day').fill('2021-06-22');
  await editor.addEntry('08:31Z communication Status page updated: investigating ingress errors');
  await expect(page.getByTestId('metric-timeToDetect')).toContainText('8m 00s');
  await expect(page.getByTestId('metric-detectionToResponseGap')).toContainText('1m 00s');

  // Factors: one of each kind.
  const factors: Array<[string, string, string]> = [
    ['contributor', 'Add contributor', 'De-registration delay on the ALB target groups was permanently lowered'],
    ['mitigator', 'Add mitigator', 'Alerts fired within eight minutes and the on-call engineer responded in one'],
    ['risk', 'Add risk', 'Replacing an essential network component runs unattended in the pipeline'],
    ['learning', 'Add learning', 'Alert messages for ingress errors were unclear to responders'],
  ];
  for (const [kind, button, title] of factors) {
    const group = page.getByTestId(`factors-${kind}`);
    await group.getByRole('button', { name: button }).click();
    const form = page.getByRole('dialog').getByRole('form');
    await form.getByLabel('Title').fill(title);
    await form.getByRole('button', { name: button }).click();
    await expect(group.getByTestId('factor-card').filter({ hasText: title })).toBeVisible();
  }

  // Five whys: a chain from the symptom to a systemic cause.
  await page.getByLabel('Symptom of a new chain').fill('Why did all services return 503?');
  await page.getByRole('button', { name: 'New chain' }).click();
  const chain = page.getByTestId('whys-chain');
  await expect(chain).toBeVisible();
  await chain.getByRole('button', { name: 'Ask why' }).click();
  await chain.getByLabel('Because 1').fill('The target groups were detached from the ALB.');
  await chain.getByRole('button', { name: 'Ask why' }).click();
  await expect(chain.getByLabel('Why 2')).toHaveValue('Why were the target groups detached from the ALB?');
  await chain.getByLabel('Because 2').fill('Replacing the VPC CNI re-created the attachments without the target groups.');
  await chain.getByLabel('Systemic cause').fill('Essential network components can be replaced by the pipeline without an ingress check before and after.');
  await chain.getByLabel('Systemic cause').press('Control+s');
  await expect(chain.getByTestId('whys-status')).toHaveAttribute('data-state', 'saved');

  // Key questions.
  const answers: Record<string, string> = {
    went_well: 'Alerts fired quickly and reverting the module reference was straightforward.',
    detect_sooner: 'An ingress smoke test after each infrastructure pipeline run would have caught it within a minute.',
    got_lucky: 'It happened during working hours with the platform team online.',
  };
  for (const [key, text] of Object.entries(answers)) {
    const field = page.getByTestId(`question-${key}`);
    await field.fill(text);
    await field.press('Control+Enter');
    await expect(page.getByTestId(`question-${key}-status`)).toHaveAttribute('data-state', 'saved');
  }

  // Action items, with owner, due date and the factor each one removes.
  const items = [
    ['Revert the ALB de-registration delay to the default of 300 seconds', 'Rasmus F.', '2021-07-02'],
    ['Create an ingress test suite that runs after every infrastructure pipeline', 'Peter W.', '2021-07-16'],
  ];
  for (const [title, owner, due] of items) {
    await page.getByRole('button', { name: 'Add action item' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Title').fill(title!);
    await editor.pick('Owner', owner!, { asName: true, within: dialog });
    await dialog.getByLabel('Due date').fill(due!);
    await dialog.getByRole('combobox', { name: 'Factors it addresses' }).click();
    await page.getByRole('option', { name: /De-registration delay/ }).click();
    await dialog.getByText('New action item').click();
    await dialog.getByRole('button', { name: 'Add action item' }).click();
    await expect(page.getByTestId('action-item-row').filter({ hasText: title! })).toBeVisible();
  }
  // Soak time (F12): a new item soaks; once its soak is over (moved on through the API here: the
  // server's clock cannot be), it is accepted with what the change could make worse.
  const ingress = page.getByTestId('action-item-row').filter({ hasText: 'Create an ingress test suite' });
  await expect(ingress.getByTestId('soak-badge')).toContainText('Soaking until');
  const soaked = (await api.actionItemsOf(review.id)).find((item) => item.title.startsWith('Create an ingress test suite'))!;
  await api.updateActionItem(soaked.id, { version: soaked.version, status: 'proposed' });
  await ingress.getByRole('button', { name: 'Accept' }).click();
  const accept = page.getByRole('dialog', { name: /^Accept/ });
  await accept.getByLabel('What could this change make worse?').fill('Every infrastructure pipeline run takes two minutes longer');
  await accept.getByRole('button', { name: 'Accept' }).click();
  await expect(ingress.getByTestId('second-order-effects')).toContainText('Every infrastructure pipeline run takes two minutes longer');
  await expect(page.getByRole('combobox', { name: /Status of Create an ingress/ })).toHaveValue('Accepted');

  await page.getByRole('combobox', { name: /Status of Revert the ALB/ }).click();
  await page.getByRole('option', { name: 'In progress' }).click();
  await expect(page.getByRole('combobox', { name: /Status of Revert the ALB/ })).toHaveValue('In progress');

  await editor.writeText('learnings', 'The de-registration delay was changed for performance without weighing availability. Watch critical pipeline runs and make sure everyone receives and understands the alerts.');
  await editor.expectSaved('learnings');

  await expect(page.getByTestId('completeness')).toContainText('5 of 5 sections');
  await screenshot(page, 'editor');

  await page.getByRole('link', { name: 'Read view' }).click();
  const doc = page.getByTestId('review-document');
  await expect(doc.getByRole('heading', { name: 'Incident summary' })).toBeVisible();
  const headings = await doc.getByRole('heading', { level: 2 }).allInnerTexts();
  expect(headings.slice(0, 5)).toEqual(['Incident summary', 'Timeline', 'Contributing factors', 'What went well', 'Action items']);
  await expect(doc).toContainText('Status page updated: investigating ingress errors');
  await expect(doc).toContainText('Essential network components can be replaced by the pipeline');
  await expect(doc).toContainText('Revert the ALB de-registration delay');
  await expect(doc).toContainText('Could make worse: Every infrastructure pipeline run takes two minutes longer');
  await screenshot(page, 'read');
  await page.emulateMedia({ media: 'print' });
  await screenshot(page, 'read-print');
});
