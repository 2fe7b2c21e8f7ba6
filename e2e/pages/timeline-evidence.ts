import { expect, type Locator, type Page } from '@playwright/test';

/** The timeline's evidence tools, in the words a user would use: chat import, contradictions, clock offsets. */
export class TimelineEvidence {
  readonly contradictions: Locator;

  constructor(readonly page: Page) {
    this.contradictions = page.getByTestId('timeline-contradictions');
  }

  /** Opens "Import from chat", pastes a transcript and reads it; returns the list of proposals, focused for the keyboard. */
  async readTranscript(transcript: string): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Import from chat' }).click();
    const drawer = this.page.getByRole('dialog', { name: 'Import from chat' });
    await drawer.getByLabel('Chat transcript').fill(transcript);
    await drawer.getByRole('button', { name: 'Read messages' }).click();
    const proposals = drawer.getByRole('listbox', { name: 'Proposed timeline entries' });
    await expect(proposals).toBeFocused();
    return proposals;
  }

  /** Moves one source's entries by a number of minutes through the "Correct clock offset" dialog. */
  async correctClock(source: RegExp, minutes: number, reason: string, expectedPreview: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Correct clock offset' }).click();
    const dialog = this.page.getByRole('dialog', { name: "Correct a source's clock offset" });
    await dialog.getByRole('combobox', { name: 'Source' }).click();
    await this.page.getByRole('option', { name: source }).click();
    await dialog.getByLabel('Minutes').fill(String(minutes));
    await dialog.getByLabel('Reason').fill(reason);
    await expect(dialog.getByTestId('clock-offset-preview')).toHaveText(expectedPreview);
    await dialog.getByRole('button', { name: 'Move entries' }).click();
    await expect(dialog).toBeHidden();
  }
}
