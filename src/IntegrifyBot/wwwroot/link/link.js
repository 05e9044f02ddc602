// Hands the magic code to Teams when the page runs in Teams' sign-in popup; Teams then sends it to
// the bot (signin/verifyState) and closes the popup. Elsewhere the code stays on screen to be typed.
(function () {
  var code = document.body.getAttribute("data-code");
  var teams = window.microsoftTeams;
  if (!code || !teams || !teams.app || !teams.authentication) {
    return;
  }

  teams.app.initialize()
    .then(function () { teams.authentication.notifySuccess(code); })
    .catch(function () { /* not inside Teams: the code on the page is the way back */ });
})();
