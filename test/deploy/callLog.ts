interface Recorded {
  calls(): unknown[];
}

/** The command names the mocked clients were sent, in order across clients: the call sequence a test asserts. */
export function sequence(...stubs: Recorded[]): string[] {
  return stubs
    .flatMap((s) =>
      (s.calls() as Array<{ callId: number; args: unknown[] }>).map((c) => ({
        // sinon numbers every call of every stub, which orders calls across the two clients.
        at: c.callId,
        name: (c.args[0] as object).constructor.name.replace(/Command$/, ''),
      })),
    )
    .sort((a, b) => a.at - b.at)
    .map((c) => c.name);
}
