using Integrify.Simulator.Workflow;
using static Integrify.Simulator.Demo.DemoProcesses;
using static Integrify.Simulator.Demo.HistoryStep;

namespace Integrify.Simulator.Demo;

/// <summary>
/// The demo's requests (ids 1001 to 1031). Alex Wilber holds exactly 12 open tasks: seven approvals,
/// two forms, two milestones and one openUrl, due from five days ago to three weeks ahead, one
/// without a due date. Fifteen more open tasks are spread over the other five people.
/// </summary>
internal static class DemoRequests
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    public static void Seed(RequestSeeder s)
    {
        ArgumentNullException.ThrowIfNull(s);
        SeedAlexsTasks(s);
        SeedOthersTasks(s);
        SeedHistory(s);
    }

    private static void SeedAlexsTasks(RequestSeeder s)
    {
        var laptop = s.Seed(PurchaseRequest, "adelev", "Laptop for new hire – Jordan", 6, Purchase("Laptop 14\" (i7, 32 GB)", 1, 1899.00m, "Contoso Hardware"), Done);
        s.Due(laptop, -2 * Day, "High");
        s.Comment(laptop, "adelev", "Jordan starts on Monday; IT has the image ready.", 70);

        s.Due(s.Seed(TimeOff, "meganb", "Time off 12–16 Jan", 3, Leave("2026-01-12", "2026-01-16", "Vacation", 5)), 3 * Hour);
        s.Due(s.Seed(ExpenseReport, "isaiahl", "Client dinner – Contoso", 4, Expense(286.40m, "Meals"), Done), Day);
        s.Due(s.Seed(ItAccess, "isaiahl", "VPN access – Isaiah", 2, Access("Corporate VPN", "User"), Done), 3 * Day);

        var desk = s.Seed(PurchaseRequest, "alexw", "Standing desk – Alex", 10, Purchase("Standing desk", 1, 649.00m, "Fabrikam Furniture"),
            Done, new HistoryStep("Request changes", "Please add a second quote before I approve."));
        s.Due(desk, 7 * Day);

        s.Due(s.Seed(ExpenseReport, "alexw", "Conference travel – Seattle", 1, Expense(1240.75m, "Travel")), null);
        s.Due(s.Seed(PurchaseRequest, "adelev", "Monitors for design team", 24, Purchase("27\" 4K monitor", 4, 1596.00m, "Contoso Hardware"),
            Done, Approved("Approved – the old ones are failing."), Approved()), -5 * Day, "High");
        s.Due(s.Seed(PurchaseRequest, "lynner", "Ergonomic chairs for support", 12, Purchase("Ergonomic chair", 6, 2340.00m, "Fabrikam Furniture"),
            Done, Approved(), Approved()), 14 * Day);
        s.Due(s.Seed(ItAccess, "alexw", "Power BI Pro licence – Alex", 0.5, Access("Power BI Pro", "User")), 2 * Day);
        s.Due(s.Seed(TimeOff, "adelev", "Time off 3–7 Feb", 1, Leave("2026-02-03", "2026-02-07", "Vacation", 5)), 10 * Day);
        s.Due(s.Seed(PurchaseRequest, "isaiahl", "Headset replacement – Isaiah", 2, Purchase("Wireless headset", 1, 189.99m, "Litware, Inc."), Done), 5 * Hour);
        s.Due(s.Seed(ExpenseReport, "meganb", "Team offsite catering", 5, Expense(742.10m, "Meals"), Done), 21 * Day);
    }

    private static void SeedOthersTasks(RequestSeeder s)
    {
        var licences = s.Seed(PurchaseRequest, "meganb", "Design software licences", 9, Purchase("Design suite licence", 3, 1797.00m, "Litware, Inc."),
            Done, Approved("Approved – within the team budget."));
        s.Due(licences, Day);
        s.Comment(licences, "meganb", "Quote attached; the price holds until the end of the month.", 30);

        s.Due(s.Seed(ExpenseReport, "adelev", "Client visit – Fabrikam, Berlin", 8, Expense(1312.55m, "Travel"), Done, Approved()), -Day, "High");
        s.Due(s.Seed(TimeOff, "isaiahl", "Time off 24–28 Mar", 6, Leave("2026-03-24", "2026-03-28", "Vacation", 5), Approved()), 2 * Day);
        s.Due(s.Seed(ItAccess, "adelev", "Admin rights for build server", 4, Access("Build server", "Administrator"), Done, Approved()), Day);
        s.Due(s.Seed(ItAccess, "pattif", "Shared drive access – Finance", 3, Access("Finance shared drive", "Read/write"), Done, Approved(), Approved()), 6 * Hour);
        s.Due(s.Seed(PurchaseRequest, "lynner", "Printer toner – 3rd floor", 1, Purchase("Toner cartridge set", 2, 318.00m, "Northwind Traders")), 3 * Day);
        s.Due(s.Seed(TimeOff, "lynner", "Time off 17 Feb", 2, Leave("2026-02-17", "2026-02-17", "Personal", 1)), 4 * Day);
        s.Due(s.Seed(ExpenseReport, "pattif", "Taxi receipts – March", 2, Expense(96.30m, "Travel"), Done), 2 * Day);
        s.Due(s.Seed(ExpenseReport, "meganb", "Training course – Azure", 25, Expense(1495.00m, "Training"), Done, Approved(), Approved()), -3 * Day);
        s.Due(s.Seed(ItAccess, "meganb", "CRM access – Megan", 1, Access("CRM", "User")), 5 * Day);
        s.Due(s.Seed(TimeOff, "pattif", "Time off 2–6 Jun", 4, Leave("2026-06-02", "2026-06-06", "Vacation", 5)), 7 * Day);
        s.Due(s.Seed(PurchaseRequest, "adelev", "Replacement phone – Adele", 1, Purchase("Smartphone", 1, 799.00m, "Contoso Hardware")), 3 * Day);
        s.Due(s.Seed(ExpenseReport, "isaiahl", "Mileage – customer visits", 3, Expense(212.80m, "Mileage")), null);
        s.Due(s.Seed(NewVendorSetup, "lynner", "Vendor – Northwind Traders", 2, Vendor("Northwind Traders", "United States"), Done), 6 * Day);
    }

    private static void SeedHistory(RequestSeeder s)
    {
        s.Seed(PurchaseRequest, "isaiahl", "Webcams for meeting rooms", 15, Purchase("Conference webcam", 5, 1245.00m, "Litware, Inc."),
            Done, Approved(), Approved(), Done);
        s.Seed(TimeOff, "alexw", "Time off 23–27 Dec", 40, Leave("2025-12-23", "2025-12-27", "Vacation", 5), Approved("Enjoy the break!"), Done);
        s.Seed(PurchaseRequest, "alexw", "Marketing automation add-on", 30, Purchase("Marketing automation add-on", 1, 4800.00m, "Adventure Works"),
            Done, new HistoryStep("Reject", "Not in this quarter's budget; ask again in April."));
        s.Cancel(s.Seed(ExpenseReport, "alexw", "Trade show booth", 18, Expense(3150.00m, "Events")), 16);
        var github = s.Seed(ItAccess, "alexw", "GitHub Enterprise seat – Alex", 7, Access("GitHub Enterprise", "Member"), Done, Approved());
        s.Due(github, 2 * Day);
    }

    private static Dictionary<string, object> Purchase(string item, int quantity, decimal amount, string vendor) => new()
    {
        ["Item"] = item,
        ["Quantity"] = quantity,
        ["Amount"] = amount,
        ["Currency"] = "USD",
        ["Vendor"] = vendor,
    };

    private static Dictionary<string, object> Leave(string from, string to, string type, int days) => new()
    {
        ["From"] = from,
        ["To"] = to,
        ["Type"] = type,
        ["Days"] = days,
    };

    private static Dictionary<string, object> Expense(decimal amount, string category) => new()
    {
        ["Amount"] = amount,
        ["Currency"] = "USD",
        ["Category"] = category,
    };

    private static Dictionary<string, object> Access(string system, string level) => new()
    {
        ["System"] = system,
        ["AccessLevel"] = level,
    };

    private static Dictionary<string, object> Vendor(string name, string country) => new()
    {
        ["VendorName"] = name,
        ["Country"] = country,
    };
}
