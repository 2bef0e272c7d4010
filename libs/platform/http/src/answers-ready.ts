/** Whether the service at `baseUrl` answers `/readyz` with 2xx within 3 s (the gateway's and the all-in-one's check of what runs behind them). */
export function answersReady(baseUrl: string): Promise<boolean> {
  return fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(3_000) }).then(
    (response) => response.ok,
    () => false,
  );
}
