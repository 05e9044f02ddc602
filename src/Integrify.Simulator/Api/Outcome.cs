namespace Integrify.Simulator.Api;

/// <summary>A value, or the error answer that explains why there is none.</summary>
internal readonly struct Outcome<T>
{
    private Outcome(T? value, ApiProblem? problem)
    {
        Value = value;
        Problem = problem;
    }

    public T? Value { get; }

    public ApiProblem? Problem { get; }

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(ApiProblem problem) => new(default, problem);

    public IResult ToResult(Func<T, IResult> ok) => Problem is null ? ok(Value!) : Problem.ToResult();

    public IResult ToResult() => ToResult(value => Results.Json(value));
}
