using System.Net;
using System.Text.Json;
using Integrify.Simulator.Tests.Infrastructure;

namespace Integrify.Simulator.Tests;

/// <summary>U2: the tenant's people, found by part of a name or an email, by last name, a page at a time.</summary>
public sealed class UserSearchTests
{
    private static readonly string[] DirectoryUserFields = ["department", "email", "nameFirst", "nameLast", "sid", "title", "userName"];

    [Fact]
    public async Task A_person_found_carries_exactly_the_contract_fields_and_the_sid_tasks_are_reassigned_to()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");
        var megan = await sim.SignInAsync("meganb");

        var list = await alex.GetJsonAsync("api/users?name=megan");
        var meganAsHerself = await megan.GetJsonAsync("api/user/current");

        Assert.Equal(["items", "total"], Wire.Names(list));
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var found = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(DirectoryUserFields, Wire.Names(found));
        Assert.Equal(
            ("meganb", "meganb@example.com", "Megan", "Bowen", "HR Manager", "Human Resources"),
            (found.Text("userName"), found.Text("email"), found.Text("nameFirst"), found.Text("nameLast"), found.Text("title"), found.Text("department")));
        Assert.Equal(meganAsHerself.Text("sid"), found.Text("sid"));
        Assert.Equal(1, sim.Host.Counters.CallsBy("alexw", "U2"));
    }

    [Theory]
    [InlineData("an", new[] { "meganb", "pattif", "isaiahl", "adelev" })]
    [InlineData("AN B", new[] { "meganb" })]
    [InlineData("  vance ", new[] { "adelev" })]
    [InlineData("lynner", new[] { "lynner" })]
    [InlineData("zz", new string[0])]
    public async Task Name_matches_part_of_first_last_or_the_user_name_ignoring_case_by_last_name(string name, string[] expected)
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");

        var list = await alex.GetJsonAsync($"api/users?name={Uri.EscapeDataString(name)}");

        Assert.Equal(expected.Length, list.GetProperty("total").GetInt32());
        Assert.Equal(expected, UserNames(list));
    }

    [Fact]
    public async Task Email_matches_part_of_the_address_ignoring_case()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");

        var patti = await alex.GetJsonAsync($"api/users?email={Uri.EscapeDataString("PATTIF@Example")}");
        var everyone = await alex.GetJsonAsync($"api/users?email={Uri.EscapeDataString("@example.com")}");
        var both = await alex.GetJsonAsync($"api/users?name=patti&email={Uri.EscapeDataString("meganb@")}");

        Assert.Equal(["pattif"], UserNames(patti));
        Assert.Equal(6, everyone.GetProperty("total").GetInt32());
        Assert.Equal(0, both.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Paging_walks_everyone_once_by_last_then_first_name()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");

        var pages = new[] { await alex.GetJsonAsync("api/users?start=0&count=4"), await alex.GetJsonAsync("api/users?start=4&count=4") };
        var reversed = await alex.GetJsonAsync("api/users?dir=desc&count=2");

        Assert.All(pages, page => Assert.Equal(6, page.GetProperty("total").GetInt32()));
        Assert.Equal(["meganb", "pattif", "isaiahl", "lynner", "adelev", "alexw"], pages.SelectMany(UserNames));
        Assert.Equal(["alexw", "adelev"], UserNames(reversed));
    }

    [Fact]
    public async Task Count_defaults_to_ten_is_capped_at_a_hundred_and_a_bad_page_is_refused()
    {
        await using var sim = await TestSimulator.StartAsync(options => options.GeneratedUsers = 150);
        var alex = await sim.SignInAsync("alexw");

        var byDefault = await alex.GetJsonAsync("api/users?name=user");
        var capped = await alex.GetJsonAsync("api/users?count=500");
        using var badStart = await alex.GetAsync("api/users?start=-1");
        using var badCount = await alex.GetAsync("api/users?count=0");

        Assert.Equal(150, byDefault.GetProperty("total").GetInt32());
        Assert.Equal(10, byDefault.GetProperty("items").GetArrayLength());
        Assert.Equal(156, capped.GetProperty("total").GetInt32());
        Assert.Equal(100, capped.GetProperty("items").GetArrayLength());
        Assert.Contains("start", await Wire.AssertErrorAsync(badStart, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Contains("count", await Wire.AssertErrorAsync(badCount, HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_valid_token_nobody_is_listed()
    {
        await using var sim = await TestSimulator.StartAsync();

        using var anonymous = await sim.SendAsync(HttpMethod.Get, "api/users?name=megan", token: null);
        using var forged = await sim.SendAsync(HttpMethod.Get, "api/users?name=megan", token: "not-a-jwt");

        await Wire.AssertErrorAsync(anonymous, HttpStatusCode.Unauthorized);
        await Wire.AssertErrorAsync(forged, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(2, sim.Host.Counters.Calls("U2", "401"));
    }

    private static string[] UserNames(JsonElement list) => [.. list.GetProperty("items").EnumerateArray().Select(user => user.Text("userName"))];
}
