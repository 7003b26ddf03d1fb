// Where a review drawer's confirmations open: inside the drawer's scrolling body, next to their
// button, so they move with the page as the reviewer scrolls instead of being re-placed over it
// (a click could miss them).
export const insideDrawer = (trigger: HTMLElement) => trigger.parentElement ?? document.body;
