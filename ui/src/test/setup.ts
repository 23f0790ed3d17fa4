// jsdom lacks layout: give elements the scrolling methods the views call.
if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = function scrollIntoView() {};
