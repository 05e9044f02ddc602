using Integrify.Simulator.Api;
using Integrify.Simulator.Api.Contracts;

namespace Integrify.Simulator.Workflow;

internal sealed partial class WorkflowStore
{
    /// <summary>U2 is always by name (last, then first); <c>dir=desc</c> reverses it.</summary>
    public static readonly IReadOnlyList<string> UserSorts = ["name"];

    /// <summary>
    /// U2: the tenant's people whose full name or user name holds <paramref name="name"/> and whose
    /// email holds <paramref name="email"/>, ignoring case; either left out matches everyone.
    /// </summary>
    public PagedResponse<DirectoryUserResponse> SearchUsers(string? name, string? email, ListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var nameText = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        var emailText = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        var everyone = Volatile.Read(ref data).UsersByName;
        var found = (query.Descending ? everyone.Reverse() : everyone)
            .Where(user => nameText is null
                || user.FullName.Contains(nameText, StringComparison.OrdinalIgnoreCase)
                || user.UserName.Contains(nameText, StringComparison.OrdinalIgnoreCase))
            .Where(user => emailText is null || user.Email.Contains(emailText, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return new PagedResponse<DirectoryUserResponse>(found.Count, [.. found.Skip(query.Start).Take(query.Count).Select(WorkflowViews.DirectoryUser)]);
    }
}
