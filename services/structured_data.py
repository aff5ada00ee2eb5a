"""schema.org ``GovernmentService`` for a service page (called by seo.structured_data)."""


def government_service(page, request, provider, page_url):
    data = {
        "@type": "GovernmentService",
        "name": page.title,
        "description": page.summary,
        "url": page_url,
        "serviceType": page.title,
        "provider": provider,
    }
    if page.synonyms:
        data["alternateName"] = [name.strip() for name in page.synonyms.split(",") if name.strip()]
    audience = [event.name for event in page.life_events.all()]
    if audience:
        data["category"] = audience
    if page.product:
        data["serviceOutput"] = {"@type": "Thing", "name": page.product}
    channel = {"@type": "ServiceChannel", "name": page.unit_name or page.title}
    if page.online_url:
        channel["serviceUrl"] = page.online_url
    if page.complaint_phone:
        channel["servicePhone"] = {"@type": "ContactPoint", "telephone": page.complaint_phone}
    address = page.address or getattr(page.opd, "address", "")
    if address:
        channel["serviceLocation"] = {"@type": "Place", "name": page.unit_name or page.title, "address": address}
    data["availableChannel"] = channel
    if page.fee_type == "gratis":
        data["offers"] = {"@type": "Offer", "price": "0", "priceCurrency": "IDR"}
    elif page.fee_type == "berbayar" and page.fee_amount is not None:
        data["offers"] = {"@type": "Offer", "price": str(page.fee_amount), "priceCurrency": "IDR"}
    return data
