using Integrify.Simulator.Reports;

namespace Integrify.Simulator.Demo;

/// <summary>
/// The demo's three reports, 60 generated rows each. Every report exposes a text, a number, a
/// date and a choice filter; "Open purchase requests" also has a hidden filter.
/// </summary>
internal static class DemoReports
{
    private const int RowCount = 60;

    private static readonly string[] People =
    [
        "Alex Wilber", "Megan Bowen", "Adele Vance", "Isaiah Langer", "Patti Fernandez", "Lynne Robbins", "Diego Siciliani",
        "Grady Archie", "Johanna Lorenz", "Joni Sherman", "Lee Gu", "Lidia Holloway", "Miriam Graham", "Nestor Wilke", "Pradeep Gupta",
    ];

    private static readonly string[] Departments = ["Design", "Finance", "Human Resources", "IT", "Marketing", "Operations", "Sales"];

    public static IReadOnlyList<ReportDefinition> Create(DateTimeOffset now) => [OpenPurchases(now), TimeOffByDepartment(now), ExpenseClaims(now)];

    private static ReportDefinition OpenPurchases(DateTimeOffset now)
    {
        string[] items = ["Laptop", "27\" monitor", "Standing desk", "Design suite licence", "Wireless headset", "Conference webcam", "Ergonomic chair", "Docking station"];
        string[] vendors = ["Contoso, Ltd.", "Fabrikam Furniture", "Litware, Inc.", "Northwind Traders", "Adventure Works", "Tailspin \"Pro\" Supplies"];
        string[] stages = ["Manager approval", "Finance approval", "Ordering"];
        var generator = new ReportRowGenerator(101, now);
        var rows = Enumerable.Range(0, RowCount).Select(index => Row(
            ("requestId", 5001L + index),
            ("request", $"{generator.Pick(items)} – {generator.Pick(People).Split(' ')[0]}"),
            ("requester", generator.Pick(People)),
            ("department", generator.Pick(Departments)),
            ("vendor", generator.Pick(vendors)),
            ("amount", generator.Money(40, 5000)),
            ("submitted", generator.DaysFromToday(-89, 0)),
            ("stage", generator.Pick(stages)),
            ("status", "Open")));

        return new ReportDefinition(
            Guid.Parse("9b2c7d4e-5f6a-4b1c-8d2e-0000000000b1"),
            "Open purchase requests",
            "Purchase requests waiting for approval or ordering, with their amounts and vendors.",
            "Purchasing",
            [
                new("requestId", "Request #", ColumnType.Number),
                new("request", "Request", ColumnType.String),
                new("requester", "Requester", ColumnType.String),
                new("department", "Department", ColumnType.String),
                new("vendor", "Vendor", ColumnType.String),
                new("amount", "Amount (USD)", ColumnType.Currency),
                new("submitted", "Submitted", ColumnType.Date),
                new("stage", "Stage", ColumnType.String),
            ],
            [
                new("Requester", "Request|Requester", "requester", FilterKind.Text, true, "Contains"),
                new("Amount at least", "Purchase Request|Amount", "amount", FilterKind.Number, true, "GreaterThanOrEqual"),
                new("Submitted", "Request|Start Date", "submitted", FilterKind.Date, true, "Between"),
                new("Department", "Requester|Department", "department", FilterKind.Choice, true, "Is", Departments),
                new("Status", "Request|Status", "status", FilterKind.Text, false, "Is", Value: "Open"),
            ],
            Ordered(rows, "submitted", "requestId"),
            null);
    }

    private static ReportDefinition TimeOffByDepartment(DateTimeOffset now)
    {
        string[] types = ["Vacation", "Sick", "Personal", "Parental"];
        string[] statuses = ["Approved", "Approved", "Approved", "Pending", "Denied"];
        var generator = new ReportRowGenerator(202, now);
        var rows = Enumerable.Range(0, RowCount).Select(_ =>
        {
            var start = generator.DaysFromToday(-75, 45);
            var days = generator.Between(1, 10);
            return Row(
                ("employee", generator.Pick(People)),
                ("department", generator.Pick(Departments)),
                ("type", generator.Pick(types)),
                ("startDate", start),
                ("endDate", start.AddDays(days - 1)),
                ("days", (long)days),
                ("status", generator.Pick(statuses)));
        });

        return new ReportDefinition(
            Guid.Parse("9b2c7d4e-5f6a-4b1c-8d2e-0000000000b2"),
            "Time off by department",
            "Who is away, when, and for how long, by department. For managers and HR.",
            "Human Resources",
            [
                new("employee", "Employee", ColumnType.String),
                new("department", "Department", ColumnType.String),
                new("type", "Type", ColumnType.String),
                new("startDate", "From", ColumnType.Date),
                new("endDate", "To", ColumnType.Date),
                new("days", "Days", ColumnType.Number),
                new("status", "Status", ColumnType.String),
            ],
            [
                new("Department", "Employee|Department", "department", FilterKind.Choice, true, "Is", Departments),
                new("Employee", "Employee|Name", "employee", FilterKind.Text, true, "Contains"),
                new("Days at least", "Time Off|Days", "days", FilterKind.Number, true, "GreaterThanOrEqual"),
                new("From", "Time Off|From", "startDate", FilterKind.Date, true, "Between"),
            ],
            Ordered(rows, "startDate", "employee"),
            new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "alexw", "meganb", "pattif" });
    }

    private static ReportDefinition ExpenseClaims(DateTimeOffset now)
    {
        var descriptions = new Dictionary<string, string[]>
        {
            ["Travel"] = ["Flight to Seattle, return", "Hotel, 2 nights", "Taxi, airport to hotel", "Train to the \"Contoso\" plant"],
            ["Meals"] = ["Dinner with \"Fabrikam\" buyers", "Team lunch", "Breakfast meeting, Berlin"],
            ["Software"] = ["Diagram tool subscription", "Screen recorder, 1 year", "Font licence, \"Segoe\" family"],
            ["Training"] = ["Online course: Azure, part 2", "Workshop on negotiation", "Certification exam fee"],
            ["Office supplies"] = ["Printer paper and toner", "Notebooks, pens", "USB-C cables, 10 pack"],
        };
        string[] categories = ["Travel", "Meals", "Software", "Training", "Office supplies"];
        string[] statuses = ["Submitted", "Approved", "Paid", "Paid", "Rejected"];
        var generator = new ReportRowGenerator(303, now);
        var quarterStart = new DateTimeOffset(generator.Today.Year, (((generator.Today.Month - 1) / 3) * 3) + 1, 1, 0, 0, 0, TimeSpan.Zero);
        var daysIntoQuarter = (int)(generator.Today - quarterStart).TotalDays;
        var rows = Enumerable.Range(0, RowCount).Select(index =>
        {
            var category = generator.Pick(categories);
            return Row(
                ("claimId", 7001L + index),
                ("employee", generator.Pick(People)),
                ("category", category),
                ("description", generator.Pick(descriptions[category])),
                ("amount", generator.Money(8, 2500)),
                ("submitted", generator.DaysFromToday(-daysIntoQuarter, 0)),
                ("status", generator.Pick(statuses)));
        });

        return new ReportDefinition(
            Guid.Parse("9b2c7d4e-5f6a-4b1c-8d2e-0000000000b3"),
            "Expense claims this quarter",
            "Every expense claim submitted since the start of the quarter, with its status.",
            "Finance",
            [
                new("claimId", "Claim #", ColumnType.Number),
                new("employee", "Employee", ColumnType.String),
                new("category", "Category", ColumnType.String),
                new("description", "Description", ColumnType.String),
                new("amount", "Amount (USD)", ColumnType.Currency),
                new("submitted", "Submitted", ColumnType.Date),
                new("status", "Status", ColumnType.String),
            ],
            [
                new("Category", "Expense|Category", "category", FilterKind.Choice, true, "Is", categories),
                new("Employee", "Expense|Employee", "employee", FilterKind.Text, true, "Contains"),
                new("Amount at least", "Expense|Amount", "amount", FilterKind.Number, true, "GreaterThanOrEqual"),
                new("Submitted", "Expense|Submitted", "submitted", FilterKind.Date, true, "Between"),
            ],
            Ordered(rows, "submitted", "claimId"),
            null);
    }

    private static Dictionary<string, object?> Row(params (string Key, object Value)[] cells) =>
        cells.ToDictionary(cell => cell.Key, cell => (object?)cell.Value);

    /// <summary>Newest first by the date column, then by the second key, so the order never depends on generation order.</summary>
    private static List<IReadOnlyDictionary<string, object?>> Ordered(IEnumerable<Dictionary<string, object?>> rows, string dateKey, string thenBy) =>
        [.. rows
            .OrderByDescending(row => (DateTimeOffset)row[dateKey]!)
            .ThenBy(row => row[thenBy]?.ToString(), StringComparer.Ordinal)
            .Cast<IReadOnlyDictionary<string, object?>>()];
}
