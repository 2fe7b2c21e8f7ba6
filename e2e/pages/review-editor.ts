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
    await expect(this.quickEntry).toBeVisible();
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

  async writeText(field: 'summary' | 'impact' | 'learnings', text: string): Promise<void> {
    await this.page.getByTestId(`${field}-input`).fill(text);
    await this.page.getByTestId(`${field}-save`).click();
  }

  async expectSaved(field: 'summary' | 'impact' | 'learnings'): Promise<void> {
    await expect(this.section(field).getByText('Saved', { exact: true })).toBeVisible();
  }
}
