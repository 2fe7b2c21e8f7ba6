import { expect, type Locator, type Page } from '@playwright/test';

/** The review editor, in the words a user would use. */
export class ReviewEditor {
  readonly quickEntry: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.quickEntry = page.getByTestId('quick-entry');
    this.rows = page.getByTestId('timeline-row');
  }

  async goto(reviewId: number): Promise<void> {
    await this.page.goto(`/reviews/${reviewId}`);
    // A first visit loads the editor's code; on a busy machine that can take a while.
    await expect(this.quickEntry).toBeVisible({ timeout: 30_000 });
  }

  section(id: string): Locator {
    return this.page.getByTestId(`section-${id}`);
  }

  /** Types one fast-entry line and presses Enter; waits until the entry is listed. */
  async addEntry(line: string): Promise<void> {
    const before = await this.rows.count();
    await this.quickEntry.fill(line);
    await this.quickEntry.press('Enter');
    await expect(this.quickEntry).toHaveValue('');
    await expect.poll(() => this.rows.count()).toBeGreaterThan(before);
  }

  async rowTexts(): Promise<string[]> {
    return this.page.getByTestId('timeline-text').allInnerTexts();
  }

  /** Types into a text section and saves at once (Ctrl+S) rather than waiting for the autosave. */
  async writeText(field: 'summary' | 'impact' | 'learnings', text: string): Promise<void> {
    const input = this.page.getByTestId(`${field}-input`);
    await input.fill(text);
    await input.press('Control+s');
  }

  async expectSaved(field: 'summary' | 'impact' | 'learnings'): Promise<void> {
    await expect(this.page.getByTestId(`${field}-status`)).toHaveAttribute('data-state', /^(saved|idle)$/);
    await expect(this.section(field).getByText('Saved', { exact: true })).toBeVisible();
  }

  /** Picks someone in a person picker: an account by name, or a plain name for someone without one. */
  async pick(label: string, name: string, options: { asName?: boolean; within?: Locator } = {}): Promise<void> {
    const scope = options.within ?? this.page;
    const input = scope.getByLabel(label, { exact: true });
    await input.fill(name);
    const option = options.asName ? this.page.getByRole('option', { name: `Use “${name}” as a name` }) : this.page.getByRole('option', { name, exact: true });
    await option.click();
    await expect(input).toHaveValue(name);
  }

  /** The review's workflow state, as the sticky bar shows it. */
  state(): Locator {
    return this.page.getByTestId('review-state');
  }

  /** Publishes as its owner would: the async review, then publishing without a meeting. */
  async publishWithoutMeeting(): Promise<void> {
    const next = this.page.getByTestId('workflow-next');
    await expect(next).toHaveText('Start the async review');
    await next.click();
    await expect(this.state()).toHaveText('Async review');
    await expect(next).toHaveText('Publish without a meeting');
    await next.click();
    await expect(this.state()).toHaveText('Published');
  }
}
