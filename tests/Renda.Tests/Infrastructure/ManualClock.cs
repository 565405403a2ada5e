namespace Renda.Tests.Infrastructure;

/// <summary>A clock the test moves by hand: idle timeouts, lockouts and deadlines without sleeping (both test projects compile this file).</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;
    private readonly Lock _gate = new();

    public override DateTimeOffset GetUtcNow() { lock (_gate) return _now; }

    public void Advance(TimeSpan by) { lock (_gate) _now = _now.Add(by); }

    public void Set(DateTimeOffset to) { lock (_gate) _now = to; }
}
