using IntegrifyBot.Cards;

namespace IntegrifyBot.UnitTests.Cards;

/// <summary>Text from Integrify or from a user cannot turn into markdown on a card, and long text is cut cleanly.</summary>
public sealed class CardTextTests
{
    [Theory]
    [InlineData("[click here](https://evil.example)", @"\[click here\](https://evil.example)")]
    [InlineData("![logo](https://evil.example/x.png)", @"!\[logo\](https://evil.example/x.png)")]
    [InlineData("<https://evil.example>", @"\<https://evil.example\>")]
    [InlineData("**urgent** and __very__", @"\*\*urgent\*\* and \_\_very\_\_")]
    [InlineData("*quiet* _quiet_", @"\*quiet\* \_quiet\_")]
    [InlineData("run `rm -rf`", @"run \`rm -rf\`")]
    [InlineData("~~cancelled~~", @"\~\~cancelled\~\~")]
    public void Inline_markdown_is_shown_as_typed(string text, string expected)
    {
        Assert.Equal(expected, CardText.Escape(text));
    }

    [Fact]
    public void A_backslash_cannot_undo_the_escaping_of_the_next_character()
    {
        // Without escaping the backslash itself, "\[" would become "\\[" and the bracket would be live again.
        Assert.Equal(@"\\\[x\](https://evil.example)", CardText.Escape(@"\[x](https://evil.example)"));
    }

    [Theory]
    [InlineData("# Heading", @"\# Heading")]
    [InlineData("> quoted", @"\> quoted")]
    [InlineData("- item", @"\- item")]
    [InlineData("+ item", @"\+ item")]
    [InlineData("* item", @"\* item")]
    [InlineData("12. item", @"12\. item")]
    [InlineData("3) item", @"3\) item")]
    [InlineData("   - indented item", @"   \- indented item")]
    public void Block_markdown_at_the_start_of_the_text_is_escaped(string text, string expected)
    {
        Assert.Equal(expected, CardText.Escape(text));
    }

    [Fact]
    public void Block_markdown_at_the_start_of_every_line_is_escaped()
    {
        Assert.Equal("Steps:\n\\- first\n2\\. second\n\\# third", CardText.Escape("Steps:\r\n- first\r\n2. second\n# third"));
    }

    [Theory]
    [InlineData("Purchase request #123 - approved.")]
    [InlineData("Budget + 5% for Q3, rev. 2.1")]
    [InlineData("Step 3. Sign the form")]
    [InlineData("2025 budget review")]
    [InlineData("#123 approved")]
    [InlineData("-5 °C in the warehouse")]
    [InlineData("+44 20 7946 0000")]
    [InlineData("12.5% growth")]
    [InlineData("3)no space")]
    [InlineData("Hello, world! Is this ok? Yes: (it is).")]
    public void Ordinary_punctuation_is_left_alone(string text)
    {
        // Escaping these mid-line would show stray backslashes on clients that ignore escapes.
        Assert.Equal(text, CardText.Escape(text));
    }

    [Theory]
    [InlineData("one\r\ntwo", "one\ntwo")]
    [InlineData("one\rtwo", "one\ntwo")]
    [InlineData("one\r\n\r\ntwo\r", "one\n\ntwo\n")]
    public void Carriage_returns_are_left_out_and_each_line_break_kept_once(string text, string expected)
    {
        Assert.Equal(expected, CardText.Escape(text));
    }

    [Fact]
    public void A_line_after_a_lone_carriage_return_is_a_new_line_for_escaping_too()
    {
        // Old Mac line endings still arrive from some Integrify form fields.
        Assert.Equal("Notes\n\\- first\n1\\. second", CardText.Escape("Notes\r- first\r1. second"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Nothing_escapes_to_an_empty_string(string? text)
    {
        Assert.Equal(string.Empty, CardText.Escape(text));
    }

    [Fact]
    public void Long_text_is_cut_to_the_default_length_with_an_ellipsis()
    {
        var escaped = CardText.Escape(new string('a', 2000));

        Assert.Equal(CardText.DefaultMaxLength, escaped.Length);
        Assert.EndsWith("a…", escaped, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_exactly_at_the_limit_is_not_cut()
    {
        var text = new string('a', 20);

        Assert.Equal(text, CardText.Escape(text, maxLength: 20));
    }

    [Fact]
    public void Text_one_over_the_limit_is_cut_to_the_limit()
    {
        Assert.Equal("abcdefghi…", CardText.Escape("abcdefghijk", maxLength: 10));
    }

    [Fact]
    public void The_limit_counts_visible_characters_not_the_escapes_added()
    {
        // Escapes are invisible once rendered, so they do not eat into what the reader sees.
        var escaped = CardText.Escape(new string('*', 30), maxLength: 10);

        Assert.Equal(string.Concat(Enumerable.Repeat(@"\*", 9)) + "…", escaped);
    }

    [Fact]
    public void A_cut_never_splits_an_emoji()
    {
        // "😀" is two UTF-16 chars at positions 4 and 5; a cut after position 4 would leave half of it.
        var escaped = CardText.Escape("abcd😀efgh", maxLength: 6);

        Assert.Equal("abcd…", escaped);
        Assert.True(IsWellFormed(escaped));
    }

    [Fact]
    public void An_emoji_that_fits_before_the_cut_is_kept_whole()
    {
        Assert.Equal("abcd😀…", CardText.Escape("abcd😀efgh", maxLength: 7));
    }

    [Theory]
    [InlineData("abc", 1, "…")]
    [InlineData("a", 1, "a")]
    [InlineData("😀", 1, "…")]
    [InlineData("😀x", 2, "…")]
    [InlineData("ab", 2, "ab")]
    [InlineData("abc", 2, "a…")]
    public void Truncate_handles_the_smallest_limits(string text, int maxLength, string expected)
    {
        var cut = CardText.Truncate(text, maxLength);

        Assert.Equal(expected, cut);
        Assert.True(cut.Length <= maxLength);
        Assert.True(IsWellFormed(cut));
    }

    [Fact]
    public void Truncate_refuses_a_limit_below_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CardText.Truncate("abc", 0));
    }

    [Fact]
    public void Truncate_refuses_null()
    {
        Assert.Throws<ArgumentNullException>(() => CardText.Truncate(null!, 5));
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
