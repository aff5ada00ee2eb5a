"""schema.org ``FAQPage`` for a list of questions (the FAQ page; a service page's questions)."""

from wagtail.rich_text import expand_db_html


def faq_page(questions, page_url):
    return {
        "@type": "FAQPage",
        "url": page_url,
        "mainEntity": [
            {
                "@type": "Question",
                "name": item.question,
                "acceptedAnswer": {"@type": "Answer", "text": expand_db_html(item.answer)},
            }
            for item in questions
        ],
    }
