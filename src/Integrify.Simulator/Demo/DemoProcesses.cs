using Integrify.Simulator.Workflow;

namespace Integrify.Simulator.Demo;

/// <summary>The demo tenant's processes, each a short sequence of steps.</summary>
internal static class DemoProcesses
{
    public const string PurchaseRequest = "Purchase Request";
    public const string TimeOff = "Time Off";
    public const string ItAccess = "IT Access";
    public const string ExpenseReport = "Expense Report";
    public const string NewVendorSetup = "New Vendor Setup";
    public const string SoftwareRenewal = "Software Renewal";

    private static readonly ApprovalChoiceDefinition Approve = new("Approve", "Approve", ChoiceEffect.Advance);
    private static readonly ApprovalChoiceDefinition Reject = new("Reject", "Reject", ChoiceEffect.End, CommentRequired: true, Milestone: "Rejected");
    private static readonly ApprovalChoiceDefinition Deny = new("Deny", "Deny", ChoiceEffect.End, CommentRequired: true, Milestone: "Denied");
    private static readonly ApprovalChoiceDefinition RequestChanges =
        new("Request changes", "Request changes", ChoiceEffect.SendBack, CommentRequired: true, Milestone: "Changes requested");

    public static IReadOnlyList<ProcessDefinition> Create() =>
    [
        new(
            Guid.Parse("3f6b1d2e-8c4a-4b7e-a1d2-0000000000a1"),
            PurchaseRequest,
            "Buy equipment, software or services. Your manager and Finance approve it, then Purchasing orders it.",
            "Purchasing",
            [
                new("Complete purchase details", TaskKind.Form, StepRole.Requester, TimeSpan.FromDays(3), "Submitted",
                    "Describe the item, attach a quote and give the cost centre."),
                new("Manager approval", TaskKind.Approval, StepRole.Manager, TimeSpan.FromDays(2), "Manager approved",
                    "Check that the purchase is needed and fits your team's budget.")
                {
                    Choices = [Approve, Reject, RequestChanges],
                },
                new("Finance approval", TaskKind.Approval, StepRole.Finance, TimeSpan.FromDays(3), "Finance approved",
                    "Check the cost centre and that the amount is within this quarter's budget.")
                {
                    Choices = [Approve, Reject, RequestChanges],
                },
                new("Mark as ordered", TaskKind.Milestone, StepRole.Purchasing, TimeSpan.FromDays(5), "Ordered",
                    "Place the order with the vendor, then mark the request as ordered."),
            ],
            "Ordered",
            null),
        new(
            Guid.Parse("3f6b1d2e-8c4a-4b7e-a1d2-0000000000a2"),
            TimeOff,
            "Ask for vacation, personal or sick days. Your manager approves, then HR records them.",
            "Human Resources",
            [
                new("Manager approval", TaskKind.Approval, StepRole.Manager, TimeSpan.FromDays(2), "Approved",
                    "Check the team calendar for cover before approving.")
                {
                    Choices = [Approve, Deny],
                },
                new("Record time off in HR system", TaskKind.OpenUrl, StepRole.HumanResources, TimeSpan.FromDays(3), "Recorded",
                    "Open the HR system, record the days and come back to mark this task done."),
            ],
            "Approved",
            null),
        new(
            Guid.Parse("3f6b1d2e-8c4a-4b7e-a1d2-0000000000a3"),
            ItAccess,
            "Request access to a system, an application or a shared folder.",
            "IT",
            [
                new("Read the acceptable use policy", TaskKind.OpenUrl, StepRole.Requester, TimeSpan.FromDays(2), "Policy accepted",
                    "Read the policy on the intranet, then mark this task done."),
                new("Manager approval", TaskKind.Approval, StepRole.Manager, TimeSpan.FromDays(2), "Manager approved",
                    "Confirm that this access is needed for the person's work.")
                {
                    Choices = [Approve, Reject],
                },
                new("Security review", TaskKind.Approval, StepRole.Security, TimeSpan.FromDays(3), "Security approved",
                    "Check the access level against the least-privilege policy.")
                {
                    Choices = [Approve, Reject],
                    Priority = "High",

                    // Security signs off in person: the review stays with the reviewer it was given to.
                    AllowReassign = false,
                },
                new("Grant access", TaskKind.OpenUrl, StepRole.ItAdmin, TimeSpan.FromDays(2), "Access granted",
                    "Grant the access in the admin portal, then mark this task done."),
            ],
            "Access granted",
            null),
        new(
            Guid.Parse("3f6b1d2e-8c4a-4b7e-a1d2-0000000000a4"),
            ExpenseReport,
            "Claim back business expenses, with receipts. Your manager and Finance approve, then Finance pays.",
            "Finance",
            [
                new("Attach receipts", TaskKind.Form, StepRole.Requester, TimeSpan.FromDays(5), "Submitted",
                    "List each expense and attach its receipt."),
                new("Manager approval", TaskKind.Approval, StepRole.Manager, TimeSpan.FromDays(2), "Manager approved",
                    "Check that the expenses were for business and follow the travel policy.")
                {
                    Choices = [Approve, Reject, RequestChanges],
                },
                new("Finance review", TaskKind.Approval, StepRole.Finance, TimeSpan.FromDays(3), "Approved for payment",
                    "Check the receipts and the amounts.")
                {
                    Choices = [Approve, Deny],
                },
                new("Payment sent", TaskKind.Milestone, StepRole.Finance, TimeSpan.FromDays(7), "Paid",
                    "Pay the claim with the next payment run, then mark it paid."),
            ],
            "Paid",
            null),
        new(
            Guid.Parse("3f6b1d2e-8c4a-4b7e-a1d2-0000000000a5"),
            NewVendorSetup,
            "Add a supplier to the vendor list. Only Finance and IT staff may start it.",
            "Finance",
            [
                new("Vendor details", TaskKind.Form, StepRole.Requester, TimeSpan.FromDays(3), "Submitted",
                    "Give the vendor's legal name, tax id and bank details."),
                new("Finance approval", TaskKind.Approval, StepRole.Finance, TimeSpan.FromDays(5), "Vendor approved",
                    "Check the vendor against the sanctions list.")
                {
                    Choices = [Approve, Reject],
                },
            ],
            "Vendor added",
            new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "pattif", "lynner" }),

        // The one process whose first task is an approval the requester holds: the vendor's quote
        // comes with the request, and whoever asks for the renewal confirms it before Finance sees it.
        new(
            Guid.Parse("3f6b1d2e-8c4a-4b7e-a1d2-0000000000a6"),
            SoftwareRenewal,
            "Renew a software subscription at the vendor's quote. You confirm the quote, Finance approves it, then Purchasing renews it.",
            "Purchasing",
            [
                new("Confirm the renewal quote", TaskKind.Approval, StepRole.Requester, TimeSpan.FromDays(2), "Quote confirmed",
                    "Check the vendor's quote: the number of seats, the price and the term. Reject it if it is wrong, saying why.")
                {
                    Choices = [Approve, Reject],
                },
                new("Finance approval", TaskKind.Approval, StepRole.Finance, TimeSpan.FromDays(3), "Finance approved",
                    "Check that the renewal fits this year's software budget.")
                {
                    Choices = [Approve, Reject],
                },
                new("Renew the subscription", TaskKind.Milestone, StepRole.Purchasing, TimeSpan.FromDays(5), "Renewed",
                    "Place the renewal with the vendor, then mark the request as renewed."),
            ],
            "Renewed",
            null),
    ];
}
