import { useState } from 'react';
import { formLevelError, serverFieldErrors, type FieldErrors } from './field-errors.js';

/**
 * What every form keeps while it sends: its field errors (its own checks first, then the server's),
 * which request is running, if any, and the message of an error no field can show.
 */
export function useSubmission<Action extends string = 'submit'>() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState<Action | null>(null);

  /** Runs `send` as `action`; a failure's field errors go next to their fields, the rest to `message`. */
  const run = async (send: () => Promise<unknown>, action = 'submit' as Action) => {
    setFailure(null);
    setBusy(action);
    try {
      await send();
    } catch (error) {
      setFailure(error);
      setErrors(serverFieldErrors(error));
    } finally {
      setBusy(null);
    }
  };

  return { errors, setErrors, busy, run, message: formLevelError(failure, errors) };
}
