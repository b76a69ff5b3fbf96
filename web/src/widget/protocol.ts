/** The one message the embedded chat (/embed) sends the widget around it: close the panel. */
export const WIDGET_CLOSE = 'opdc-qa:close';
