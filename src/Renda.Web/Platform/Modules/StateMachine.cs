namespace Renda.Web.Platform.Modules;

/// <summary>
/// The one table of a workflow entity that says which actions are allowed in which states, and by which kinds of actor.
/// The entity's transition methods <see cref="Require(TState, TAction)"/> it, pages and APIs ask <see cref="Can(TState, TAction, Actor?)"/>,
/// queries read <see cref="StatesFor"/>: "which states may do X" is answered here and nowhere else (docs/MODULES.md).
/// Every action of <typeparamref name="TAction"/> must have a row, checked when the table is built, so an action added
/// to the enum without a rule fails at start-up, not in production.
/// </summary>
public sealed class StateMachine<TState, TAction>
    where TState : struct, Enum
    where TAction : struct, Enum
{
    private readonly Dictionary<TAction, Rule> rules = [];
    private readonly string noun;
    private readonly Func<TState, string> label;

    /// <summary>One row: the action's Chinese verb (for the refusal), the states it is allowed in, and who may take it.</summary>
    public sealed record Rule(TAction Action, string Verb, IReadOnlySet<TState> From, ActorKinds By);

    /// <param name="noun">What the entity is called in a refusal (建议, 法规草案 …).</param>
    /// <param name="label">The Chinese name of a state.</param>
    public StateMachine(string noun, Func<TState, string> label, params (TAction Action, string Verb, TState[] From, ActorKinds By)[] rows)
    {
        this.noun = noun;
        this.label = label;
        foreach (var (action, verb, from, by) in rows)
        {
            if (!rules.TryAdd(action, new Rule(action, verb, from.ToHashSet(), by)))
                throw new InvalidOperationException($"{typeof(TAction).Name}.{action} has two rows in its state machine.");
        }
        var missing = Enum.GetValues<TAction>().Where(a => !rules.ContainsKey(a)).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"{typeof(TAction).Name} has no row for {string.Join(", ", missing)}.");
    }

    public IReadOnlyCollection<Rule> Rules => rules.Values;

    /// <summary>The states in which the action is allowed, e.g. for a query of what is waiting for it.</summary>
    public IReadOnlySet<TState> StatesFor(TAction action) => rules[action].From;

    /// <summary>Whether the action is allowed in the state, and — given an actor — whether that actor's kind may take it.</summary>
    public bool Can(TState state, TAction action, Actor? actor = null)
    {
        var rule = rules[action];
        return rule.From.Contains(state) && (actor is null || actor.IsAny(rule.By));
    }

    /// <summary>Refuses the action in this state with a reason (409), and — given an actor — refuses an actor of another kind (403).</summary>
    public void Require(TState state, TAction action, Actor? actor = null)
    {
        var rule = rules[action];
        if (actor is not null && !actor.IsAny(rule.By))
            throw DomainException.Forbidden($"只有{ActorKindLabels.Of(rule.By)}可以{rule.Verb}。");
        if (!rule.From.Contains(state))
            throw DomainException.Conflict($"{noun}当前状态为“{label(state)}”，不能{rule.Verb}。");
    }

    /// <summary>The action's Chinese verb, for buttons and messages.</summary>
    public string Verb(TAction action) => rules[action].Verb;
}

/// <summary>Shorthand for the rows of a state machine table.</summary>
public static class Allow
{
    public static (TAction, string, TState[], ActorKinds) Row<TAction, TState>(TAction action, string verb, ActorKinds by, params TState[] from)
        => (action, verb, from, by);
}
