namespace IntegrifyBot.Integrify.Api;

/// <summary>
/// Every path of the Integrify API the bot calls, in one place, as the contract (docs/integrify-api.md)
/// gives them. Some are our best reading; a deployment whose instance differs sets
/// Integrify:Paths:&lt;Name&gt; (a member's name here) or Integrify:Permissions:&lt;Name&gt; instead.
/// </summary>
public static class IntegrifyPaths
{
    public const string PasswordLogin = "/api/auth/dbauth/{tenant}";                                            // A1
    public const string Refresh = "/api/auth/refresh";                                                         // A2 (path inferred)
    public const string PersonalKeyLogin = "/api/auth/apikey/{tenant}/{personalKey}/impersonate";              // A3
    public const string OrganizationKeyLogin = "/api/auth/apikey/{tenant}/{organizationKey}/impersonate/{userName}"; // A4
    public const string Logout = "/api/auth/dbauth/{tenant}";                                                   // A5

    public const string CurrentUser = "/api/user/current";                                                     // U1
    public const string SearchUsers = "/api/users";                                                            // U2 (path inferred)

    public const string MyTasks = "/api/instance/mytask/list";                                                 // T1
    public const string Approval = "/api/instance/tasktypes/approval/{recipientTaskSid}";                      // T2, T3
    public const string CompleteOpenUrl = "/api/instance/tasktypes/openUrl/{recipientTaskSid}/complete";       // T4
    public const string CompleteMilestone = "/api/instance/tasktypes/milestone/{recipientTaskSid}/complete";   // T5
    public const string Reassign = "/api/instance/task/recipientTask/{recipientTaskSid}/reassign/{contactSid}"; // T6
    public const string Comments = "/api/instance/allcomments/{instanceSid}";                                  // T7
    public const string PostComment = "/api/instance/comments/post";                                           // T8

    public const string StartableProcesses = "/api/processes/search";                                          // R1
    public const string StartRequest = "/api/instance/start/{processSid}";                                     // R2
    public const string Request = "/api/instance/{instanceSid}";                                               // R3
    public const string Requests = "/api/instance/list/{permissionType}";                                      // R4
    public const string CancelRequest = "/api/instance/{instanceSid}/cancel";                                  // R5

    public const string RunnableReports = "/api/reports/search";                                               // P1
    public const string ReportFilters = "/api/reports/{reportSid}/filters";                                    // P2
    public const string RunReport = "/api/reports/{reportSid}/run";                                            // P3
    public const string ExportReport = "/api/reports/{reportSid}/export/data/csv";                             // P4

    /// <summary>The permission value for "processes I may start" (R1), inferred.</summary>
    public const string StartPermission = "start";

    /// <summary>The permission value for "reports I may run" (P1), inferred.</summary>
    public const string RunPermission = "run";

    /// <summary>The permission value for "requests I started" (R4), inferred.</summary>
    public const string RequesterPermission = "requester";
}
