using IntegrifyBot.Integrify.Api;

namespace IntegrifyBot.UnitTests.Integrify;

/// <summary>U2 searches one field at a time: what a person typed goes to the email with an @, otherwise to the name.</summary>
public sealed class UserQueryTests
{
    [Theory]
    [InlineData("megan", "megan", null)]
    [InlineData("  Megan Bowen ", "Megan Bowen", null)]
    [InlineData("meganb@example.com", null, "meganb@example.com")]
    [InlineData(" @example ", null, "@example")]
    public void Typed_text_with_an_at_sign_is_an_email_anything_else_a_name(string typed, string? name, string? email)
    {
        var query = UserQuery.Typed(typed, start: 15, count: 5);

        Assert.Equal(new UserQuery { Name = name, Email = email, Start = 15, Count = 5 }, query);
    }

    [Fact]
    public void Without_paging_the_page_is_integrifys_default()
    {
        var query = UserQuery.Typed("megan");

        Assert.Null(query.Start);
        Assert.Null(query.Count);
    }
}
