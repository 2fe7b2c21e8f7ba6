/**
 * Whether this instance should get traffic. It stops being ready the moment shutdown begins,
 * before it stops listening, so a load balancer polling /readyz moves traffic away first.
 */
export class Readiness {
  #draining = false;

  get draining(): boolean {
    return this.#draining;
  }

  startDraining(): void {
    this.#draining = true;
  }
}
