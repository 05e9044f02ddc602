using System.Collections.Immutable;
using Integrify.Simulator.Faults;

namespace Integrify.Simulator;

/// <summary>The fault rules in force. Rules are replaced as a whole list, so calls in flight never see half a change.</summary>
public sealed class FaultInjector
{
    private ImmutableList<ActiveFault> rules = [];
    private long nextId;

    /// <exception cref="ArgumentException">The rule is not valid; the message says why.</exception>
    public FaultInfo Add(FaultSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (FaultSpecValidator.Problem(spec) is { } problem)
        {
            throw new ArgumentException(problem, nameof(spec));
        }

        var fault = new ActiveFault($"f{Interlocked.Increment(ref nextId)}", spec);
        ImmutableInterlocked.Update(ref rules, list => list.Add(fault));
        return fault.Info;
    }

    public bool Remove(string id) => ImmutableInterlocked.Update(ref rules, list => list.RemoveAll(fault => fault.Id == id));

    public void Clear() => Interlocked.Exchange(ref rules, []);

    public IReadOnlyList<FaultInfo> List() => [.. Volatile.Read(ref rules).Select(fault => fault.Info)];

    /// <summary>What the first rule that matches the path and still acts does to this call, if any.</summary>
    internal FaultDecision? Decide(string path)
    {
        foreach (var fault in Volatile.Read(ref rules))
        {
            if (path.StartsWith(fault.Spec.PathPrefix, StringComparison.OrdinalIgnoreCase) && fault.Decide() is { } decision)
            {
                return decision;
            }
        }

        return null;
    }
}
